using Microsoft.Extensions.Logging;

namespace Mage.Builds.Logs;

/// <summary>Log messages of the job-output pipeline (event ids 4300–4399, stable).</summary>
internal static partial class LogsLog
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Background flush of job output failed; the next write reports it")]
    public static partial void BackgroundFlushFailed(ILogger logger, Exception exception);
}
