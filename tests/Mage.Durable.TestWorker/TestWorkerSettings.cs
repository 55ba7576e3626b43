using Mage.Durable.Backend.AzureStorage;
using Mage.Durable.Worker;

namespace Mage.Durable.TestWorker;

/// <summary>
/// Identity and timings of a test worker. Leases are short (the Azure minimum of 15 s for partitions) so a
/// killed worker's partitions, control messages and activities come back within seconds, not minutes.
/// </summary>
public sealed record TestWorkerSettings(string TaskHub, string WorkerId)
{
    /// <summary>Environment variable holding the storage connection string (never passed on the command line).</summary>
    public const string StorageVariable = "MAGE_TESTWORKER_STORAGE";

    /// <summary>Environment variable holding the task hub name.</summary>
    public const string TaskHubVariable = "MAGE_TESTWORKER_TASKHUB";

    /// <summary>Environment variable holding the worker id.</summary>
    public const string WorkerIdVariable = "MAGE_TESTWORKER_ID";

    /// <summary>Environment variable with the minimum log level (default Warning).</summary>
    public const string LogLevelVariable = "MAGE_TESTWORKER_LOGLEVEL";

    /// <summary>Lease on control messages and activity work items; what a killed worker holds comes back after it.</summary>
    public TimeSpan MessageLease { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Partition lease (Azure's minimum); renewed every 4 s.</summary>
    public TimeSpan PartitionLease { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Episodes at once per worker.</summary>
    public int MaxConcurrentOrchestrations { get; init; } = 4;

    /// <summary>Activities at once per worker.</summary>
    public int MaxConcurrentActivities { get; init; } = 16;

    /// <summary>Backend options for this worker.</summary>
    public AzureStorageBackendOptions BackendOptions() => new()
    {
        TaskHub = TaskHub,
        WorkerId = WorkerId,
        LeaseDuration = PartitionLease,
        LeaseRenewInterval = TimeSpan.FromSeconds(4),
        LeaseAcquireInterval = TimeSpan.FromSeconds(1),
    };

    /// <summary>Applies identity, concurrency and leases to the worker options.</summary>
    public void Apply(DurableTaskWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.WorkerId = WorkerId;
        options.OrchestrationLease = MessageLease;
        options.ActivityLease = MessageLease;
        options.MaxConcurrentOrchestrations = MaxConcurrentOrchestrations;
        options.MaxConcurrentActivities = MaxConcurrentActivities;
        options.ShutdownTimeout = TimeSpan.FromSeconds(5);
    }
}
