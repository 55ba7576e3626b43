using System.Security.Cryptography;
using System.Text;

namespace Mage.Storage.Auth;

/// <summary>An account name and its decoded key; computes HMAC-SHA256 signatures. Never printed.</summary>
internal sealed class SharedKeyCredential
{
    private readonly byte[] _key;

    public SharedKeyCredential(string accountName, string base64Key)
    {
        AccountName = accountName;
        _key = Convert.FromBase64String(base64Key);
    }

    public string AccountName { get; }

    public string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Hidden so the key can never reach a log line through string interpolation.</summary>
    public override string ToString() => $"SharedKeyCredential({AccountName})";
}
