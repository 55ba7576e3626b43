namespace Mage.Functions.Endpoints.Catalog;

/// <summary>Log messages of the catalog's hosting (event ids 2090–2099, stable).</summary>
internal static partial class CatalogEndpointsLog
{
    [LoggerMessage(EventId = 2090, Level = LogLevel.Information, Message = "Encryption key for secrets at rest read from {Path} (local development; readable by this user only)")]
    public static partial void EncryptionKeyFromFile(ILogger logger, string path);
}
