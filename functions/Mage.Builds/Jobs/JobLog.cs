using Microsoft.Extensions.Logging;

namespace Mage.Builds.Jobs;

/// <summary>Log messages of job processes (event ids 4200–4299, stable).</summary>
internal static partial class JobLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Job {JobName} of build {BuildId} started as process group {ProcessGroup}")]
    public static partial void Started(ILogger logger, string jobName, string buildId, int processGroup);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Job {JobName} of build {BuildId} ended {Outcome} with exit code {ExitCode}")]
    public static partial void Ended(ILogger logger, string jobName, string buildId, JobOutcome outcome, int? exitCode);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Stopping job {JobName} of build {BuildId}: {Reason}")]
    public static partial void Stopping(ILogger logger, string jobName, string buildId, string reason);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Job {JobName} of build {BuildId} ignored SIGTERM for {Grace}; sending SIGKILL")]
    public static partial void Escalating(ILogger logger, string jobName, string buildId, TimeSpan grace);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "Output of job {JobName} of build {BuildId} still open after the process group was killed; a process left the group. Output reading stopped")]
    public static partial void OutputAbandoned(ILogger logger, string jobName, string buildId);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Error, Message = "Job {JobName} of build {BuildId} could not be started")]
    public static partial void StartFailed(ILogger logger, string jobName, string buildId, Exception exception);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Information, Message = "Kill requested for build {BuildId}: {Count} running job(s)")]
    public static partial void KillRequested(ILogger logger, string buildId, int count);
}
