using Microsoft.Extensions.Logging;

namespace Mage.Builds.Drivers;

/// <summary>Log messages of the drivers (event ids 4100–4199, stable).</summary>
internal static partial class DriverLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Driver {DriverType} created workspace {Workspace} for build {BuildId}")]
    public static partial void Created(ILogger logger, string driverType, string buildId, string workspace);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Driver {DriverType} destroyed the workspace of build {BuildId}; {Killed} running job(s) stopped")]
    public static partial void Destroyed(ILogger logger, string driverType, string buildId, int killed);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Workspace {Path} could not be removed at first; retrying after making it writable")]
    public static partial void DeleteRetry(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Driver {DriverType} refused a handle for build {BuildId}: {Reason}")]
    public static partial void HandleRefused(ILogger logger, string driverType, string buildId, string reason);
}
