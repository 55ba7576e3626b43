using System.Globalization;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>Settings of an <see cref="AzureStorageBackend"/>. Read once, when the backend is created.</summary>
public sealed class AzureStorageBackendOptions
{
    /// <summary>
    /// Task hub name: 3..45 ASCII letters and digits, starting with a letter. Every table, queue and container
    /// of the hub is named after it; workers on the same hub share work.
    /// </summary>
    public required string TaskHub { get; init; }

    /// <summary>Number of control queues (1..16). Must be the same for every worker of a hub and never change. Default 4.</summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>Identity of this backend instance in partition ownership. Default: machine name plus a random suffix.</summary>
    public string WorkerId { get; init; } = string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName.ToLowerInvariant()}-{Random.Shared.Next():x8}");

    /// <summary>Logical name of the shared activity queue (maps to <c>&lt;hub&gt;-workitems</c>). Default "workitems".</summary>
    public string SharedWorkItemQueue { get; init; } = "workitems";

    /// <summary>Partition lease length, 15..60 s (Azure blob lease limits). Default 30 s.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often held partition leases are renewed; must be well below <see cref="LeaseDuration"/>. Default 10 s.</summary>
    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the partition manager heartbeats, rebalances and tries to acquire free partitions. Default 10 s.</summary>
    public TimeSpan LeaseAcquireInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Take part in partition ownership (heartbeat, lease control queues). False for a client-only process that
    /// schedules, raises events and waits but runs no worker: it must not hold partitions nobody there reads, and
    /// <see cref="AzureStorageBackend.ReceiveControlWorkItemAsync"/> then never returns work. Default true.
    /// </summary>
    public bool OwnsPartitions { get; init; } = true;

    /// <summary>Release partition leases on dispose so others take over at once. False simulates a crash (tests). Default true.</summary>
    public bool ReleaseLeasesOnDispose { get; init; } = true;

    /// <summary>Shortest pause between empty polls of a queue (busy). Default 10 ms.</summary>
    public TimeSpan MinPollingInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Longest pause between empty polls of a queue (idle); the pause doubles from the minimum. Default 1 s.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a receive call waits for work before it returns null. Default 2 s.</summary>
    public TimeSpan ReceiveIdleTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Longest real queue visibility delay used for a delayed message (Azure allows 7 days). A message due later
    /// surfaces early and is hidden again for the remaining time (chaining). Default 6 days.
    /// </summary>
    public TimeSpan MaxVisibilityDelay { get; init; } = TimeSpan.FromDays(6);

    /// <summary>Messages fetched per control-queue poll (1..32). Default 32.</summary>
    public int ControlQueueBatchSize { get; init; } = 32;

    /// <summary>Queue message bodies larger than this (UTF-8 bytes) go to a blob in <c>&lt;hub&gt;-payloads</c>. Default 45 KiB.</summary>
    public int MaxQueuePayloadBytes { get; init; } = 45 * 1024;

    /// <summary>Table string properties larger than this (UTF-16 bytes) go to a blob in <c>&lt;hub&gt;-payloads</c>. Default 60 KiB.</summary>
    public int MaxTablePropertyBytes { get; init; } = 60 * 1024;

    /// <summary>
    /// Fault injection for tests: when it returns true for a message body, the message is sent twice, as a
    /// transport duplicate would be. May be set while running. Default null.
    /// </summary>
    public Func<string, bool>? DuplicateWhen { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        if (TaskHub is null || TaskHub.Length is < 3 or > 45 || !char.IsAsciiLetter(TaskHub[0]) || !TaskHub.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("TaskHub must be 3..45 ASCII letters and digits, starting with a letter.", nameof(TaskHub));
        }

        if (PartitionCount is < 1 or > 16)
        {
            throw new ArgumentException("PartitionCount must be 1..16.", nameof(PartitionCount));
        }

        if (LeaseDuration < TimeSpan.FromSeconds(15) || LeaseDuration > TimeSpan.FromSeconds(60) || LeaseRenewInterval <= TimeSpan.Zero || LeaseRenewInterval >= LeaseDuration)
        {
            throw new ArgumentException("LeaseDuration must be 15..60 s and LeaseRenewInterval between 0 and LeaseDuration.", nameof(LeaseDuration));
        }

        if (MaxVisibilityDelay <= TimeSpan.Zero || MaxVisibilityDelay > TimeSpan.FromDays(7) || ControlQueueBatchSize is < 1 or > 32)
        {
            throw new ArgumentException("MaxVisibilityDelay must be 0..7 days and ControlQueueBatchSize 1..32.", nameof(MaxVisibilityDelay));
        }

        ArgumentException.ThrowIfNullOrEmpty(WorkerId);
        ArgumentException.ThrowIfNullOrEmpty(SharedWorkItemQueue);
    }
}
