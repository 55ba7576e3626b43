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

    [LoggerMessage(EventId = 4208, Level = LogLevel.Warning, Message = "Job {JobName} of build {BuildId} was asked to stop through storage ({Reason}); stopping its process group")]
    public static partial void StopRequested(ILogger logger, string jobName, string buildId, string reason);

    [LoggerMessage(EventId = 4209, Level = LogLevel.Information, Message = "Job {JobName} of build {BuildId} is already claimed by worker {WorkerId}; waiting for its result instead of running it")]
    public static partial void ClaimedElsewhere(ILogger logger, string jobName, string buildId, string workerId);

    [LoggerMessage(EventId = 4210, Level = LogLevel.Warning, Message = "Job {JobName} of build {BuildId}: worker {WorkerId} stopped (last heartbeat {HeartbeatAt:o}); recording the job failed")]
    public static partial void ClaimStale(ILogger logger, string jobName, string buildId, string workerId, DateTimeOffset heartbeatAt);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Job {JobName} of build {BuildId}: the claim watch could not reach storage; trying again")]
    public static partial void WatchFailed(ILogger logger, string jobName, string buildId, Exception exception);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "Build {BuildId}: the kill request could not be written before its workspace is removed; jobs still running on other workers may keep running")]
    public static partial void KillBeforeDestroyFailed(ILogger logger, string buildId, Exception exception);

    [LoggerMessage(EventId = 4213, Level = LogLevel.Warning, Message = "Job {JobName} of build {BuildId}: storage failed while waiting for the worker that runs it; trying again in {BackOff}")]
    public static partial void WaitFailed(ILogger logger, string jobName, string buildId, TimeSpan backOff, Exception exception);
}
