namespace Mage.Functions;

/// <summary>Source-generated log messages of the app. Event ids are stable: dashboards and alerts key on them.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Admin key for local development: {Path} (readable by this user only)")]
    public static partial void AdminKeyLoaded(ILogger logger, string path);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Storage emulator already listening on {Host}; using it as it is")]
    public static partial void AzuriteReused(ILogger logger, string host);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Started Azurite with its data under {DataPath}")]
    public static partial void AzuriteStarted(ILogger logger, string dataPath);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Installing Azurite {Version} into {Folder} (npm ci, once per checkout; this first start takes a little longer)")]
    public static partial void AzuriteInstalling(ILogger logger, string version, string folder);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Storage health probe failed: {ErrorType}: {Error}")]
    public static partial void StorageUnhealthy(ILogger logger, string errorType, string error);
}
