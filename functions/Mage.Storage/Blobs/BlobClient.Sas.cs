using System.Globalization;

namespace Mage.Storage.Blobs;

/// <summary>Read-only service SAS for one blob.</summary>
public sealed partial class BlobClient
{
    /// <summary>
    /// A URL that lets anyone holding it read this blob until <paramref name="expiresOn"/> (service SAS,
    /// permission <c>r</c>, signed with the account key). Throws <see cref="InvalidOperationException"/>
    /// for Entra ID accounts, which would need a user delegation key instead. Treat the URL as a secret.
    /// </summary>
    public Uri GenerateReadSasUri(DateTimeOffset expiresOn)
    {
        Auth.SharedKeyCredential key = _service.Key ?? throw new InvalidOperationException(
            "A SAS URL needs the account key; this account authenticates with a TokenCredential (Entra ID).");
        string expiry = expiresOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        string stringToSign = BuildSasStringToSign(key.AccountName, ContainerName, Name, "r", expiry, StorageApiVersion.Current);
        string signature = key.Sign(stringToSign);
        string query = $"sv={Uri.EscapeDataString(StorageApiVersion.Current)}&sr=b&sp=r&se={Uri.EscapeDataString(expiry)}&sig={Uri.EscapeDataString(signature)}";
        return new Uri(Uri.AbsoluteUri + "?" + query);
    }

    /// <summary>
    /// The 16-line service SAS string-to-sign (versions 2020-12-06 and later): permissions, start, expiry,
    /// canonical resource <c>/blob/account/container/blob</c> (unescaped), identifier, IP, protocol, version,
    /// resource type, snapshot time, encryption scope and five response-header overrides.
    /// </summary>
    internal static string BuildSasStringToSign(string account, string container, string blob, string permissions, string expiry, string version) =>
        string.Join('\n', permissions, "", expiry, $"/blob/{account}/{container}/{blob}", "", "", "", version, "b", "", "", "", "", "", "", "");
}
