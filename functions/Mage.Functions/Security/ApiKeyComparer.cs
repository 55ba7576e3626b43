using System.Security.Cryptography;
using System.Text;

namespace Mage.Functions.Security;

/// <summary>Constant-time key comparison and hashing for stored keys. Thread-safe.</summary>
public static class ApiKeyComparer
{
    /// <summary>SHA-256 of the key, hex; what is stored instead of the key itself.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// Compares by hash so that the time taken depends on neither the length nor the
    /// contents of the presented key.
    /// </summary>
    public static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>Compares a presented key to a stored hex hash in constant time.</summary>
    public static bool MatchesHash(string presented, string storedHash)
    {
        var expected = Convert.FromHexString(storedHash);
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected);
    }
}
