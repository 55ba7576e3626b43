namespace Mage.Storage;

/// <summary>The single REST API version (<c>x-ms-version</c>) every request and SAS uses.</summary>
public static class StorageApiVersion
{
    /// <summary>
    /// 2025-05-05: current in Azure and accepted by Azurite 3.37 without <c>--skipApiVersionCheck</c>;
    /// kept in one place so an upgrade touches one line.
    /// </summary>
    public const string Current = "2025-05-05";
}
