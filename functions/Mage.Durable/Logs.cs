using Microsoft.Extensions.Logging;

namespace Mage.Durable;

/// <summary>Source-generated log messages of the durable runtime. Event ids are stable: dashboards and alerts use them.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Durable worker {WorkerId} started: queue {QueueName}, {Orchestrations} orchestration and {Activities} activity slots")]
    public static partial void WorkerStarted(ILogger logger, string workerId, string queueName, int orchestrations, int activities);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Durable worker {WorkerId} stopping; waiting up to {Timeout} for in-flight work")]
    public static partial void WorkerStopping(ILogger logger, string workerId, TimeSpan timeout);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Durable worker {WorkerId} grace period over: cancelling and abandoning {Count} activities for redelivery")]
    public static partial void WorkerAbandoning(ILogger logger, string workerId, int count);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Durable worker {WorkerId} stopped")]
    public static partial void WorkerStopped(ILogger logger, string workerId);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Debug, Message = "Instance {InstanceId}: episode applied {Events} events, scheduled {Actions} calls (replayed {Replayed})")]
    public static partial void EpisodeCompleted(ILogger logger, string instanceId, int events, int actions, int replayed);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "Instance {InstanceId} ({Name}) finished: {Status}")]
    public static partial void InstanceFinished(ILogger logger, string instanceId, string name, OrchestrationRuntimeStatus status);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "Instance {InstanceId} ({Name}) failed: {Error}")]
    public static partial void InstanceFailed(ILogger logger, string instanceId, string name, string error);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Debug, Message = "Instance {InstanceId}: dropped duplicate or stale {Kind} message")]
    public static partial void DuplicateDropped(ILogger logger, string instanceId, string kind);

    [LoggerMessage(EventId = 5114, Level = LogLevel.Debug, Message = "Instance {InstanceId}: deferred {Kind} message (attempt {Attempt})")]
    public static partial void MessageDeferred(ILogger logger, string instanceId, string kind, int attempt);

    [LoggerMessage(EventId = 5115, Level = LogLevel.Warning, Message = "Instance {InstanceId}: dropped {Kind} message: {Reason}")]
    public static partial void MessageDropped(ILogger logger, string instanceId, string kind, string reason);

    [LoggerMessage(EventId = 5116, Level = LogLevel.Warning, Message = "Instance {InstanceId}: history changed by another worker; abandoning the episode for a retry")]
    public static partial void HistoryConflict(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 5117, Level = LogLevel.Error, Message = "Instance {InstanceId}: episode failed; messages abandoned for redelivery")]
    public static partial void EpisodeError(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(EventId = 5118, Level = LogLevel.Warning, Message = "Unreadable message {MessageId} on {Queue} dropped")]
    public static partial void PoisonMessage(ILogger logger, string messageId, string queue, Exception exception);

    [LoggerMessage(EventId = 5120, Level = LogLevel.Debug, Message = "Activity {Name} (#{TaskId}) of {InstanceId} failed: {Error}")]
    public static partial void ActivityFailed(ILogger logger, string name, int taskId, string instanceId, string error);

    [LoggerMessage(EventId = 5121, Level = LogLevel.Information, Message = "Activity {Name} (#{TaskId}) of {InstanceId} abandoned for redelivery")]
    public static partial void ActivityAbandoned(ILogger logger, string name, int taskId, string instanceId);

    [LoggerMessage(EventId = 5122, Level = LogLevel.Error, Message = "Activity work item {MessageId} could not be processed; abandoned")]
    public static partial void ActivityError(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(EventId = 5130, Level = LogLevel.Error, Message = "Receiving from the orchestration backend failed; retrying")]
    public static partial void ReceiveError(ILogger logger, Exception exception);
}
