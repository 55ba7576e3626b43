using Microsoft.Extensions.Logging;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>Source-generated logs of the Azure Storage backend. Event ids 5700-5799 are stable.</summary>
internal static partial class AzureStorageLogs
{
    [LoggerMessage(EventId = 5700, Level = LogLevel.Information, Message = "Task hub {TaskHub}: worker {WorkerId} acquired partition {Partition}")]
    public static partial void PartitionAcquired(ILogger logger, string taskHub, string workerId, int partition);

    [LoggerMessage(EventId = 5701, Level = LogLevel.Information, Message = "Task hub {TaskHub}: worker {WorkerId} released partition {Partition} (rebalance or shutdown)")]
    public static partial void PartitionReleased(ILogger logger, string taskHub, string workerId, int partition);

    [LoggerMessage(EventId = 5702, Level = LogLevel.Warning, Message = "Task hub {TaskHub}: worker {WorkerId} lost partition {Partition}: lease renewal failed")]
    public static partial void PartitionLost(ILogger logger, string taskHub, string workerId, int partition, Exception exception);

    [LoggerMessage(EventId = 5703, Level = LogLevel.Warning, Message = "Task hub {TaskHub}: partition manager cycle failed; retrying")]
    public static partial void PartitionCycleFailed(ILogger logger, string taskHub, Exception exception);

    [LoggerMessage(EventId = 5710, Level = LogLevel.Warning, Message = "Unreadable queue message {MessageId} on {Queue} deleted")]
    public static partial void PoisonMessage(ILogger logger, string messageId, string queue, Exception exception);

    [LoggerMessage(EventId = 5711, Level = LogLevel.Debug, Message = "Queue message {MessageId} on {Queue}: lease no longer held ({Operation})")]
    public static partial void LeaseLost(ILogger logger, string messageId, string queue, string operation);

    [LoggerMessage(EventId = 5712, Level = LogLevel.Warning, Message = "Background queue operation failed")]
    public static partial void BackgroundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5713, Level = LogLevel.Warning, Message = "Storage did not answer within {Deadline} while handing work back on shutdown; the other workers take it over when its leases expire")]
    public static partial void HandBackAbandoned(ILogger logger, TimeSpan deadline);

    [LoggerMessage(EventId = 5720, Level = LogLevel.Debug, Message = "Instance {InstanceId}: checkpoint lost a race (status {Status})")]
    public static partial void CheckpointConflict(ILogger logger, string instanceId, int status);

    [LoggerMessage(EventId = 5721, Level = LogLevel.Warning, Message = "Instance {InstanceId}: updating the Instances read model failed")]
    public static partial void MirrorFailed(ILogger logger, string instanceId, Exception exception);
}
