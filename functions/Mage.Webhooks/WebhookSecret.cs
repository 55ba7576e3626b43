using System.Security.Cryptography;

namespace Mage.Webhooks;

/// <summary>
/// Standard Webhooks symmetric secrets: <c>whsec_</c> followed by base64 of random bytes; the HMAC
/// key is the base64-decoded part. Pure; thread-safe.
/// </summary>
public static class WebhookSecret
{
    /// <summary>Prefix of every secret.</summary>
    public const string Prefix = "whsec_";

    /// <summary>Random bytes in a new secret (the specification asks for 24–64).</summary>
    public const int KeyBytes = 32;

    /// <summary>A new secret from the CSPRNG.</summary>
    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The HMAC key of <paramref name="secret"/>: the base64 after <see cref="Prefix"/> (the prefix is optional, as receivers' libraries accept).</summary>
    /// <exception cref="FormatException">The part after the prefix is not base64.</exception>
    public static byte[] KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
    }
}
