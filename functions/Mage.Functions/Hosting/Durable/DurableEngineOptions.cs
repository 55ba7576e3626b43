namespace Mage.Functions.Hosting.Durable;

/// <summary>
/// Settings of the durable engine (DurableTask.AzureStorage), section <c>Mage:Durable</c>
/// (environment: <c>Mage__Durable__PartitionCount</c>, …). The defaults were chosen by measurement;
/// README "Durable engine settings" gives what each costs in storage transactions when idle.
/// </summary>
public sealed class DurableEngineOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Mage:Durable";

    /// <summary>
    /// Control queues (<c>&lt;hub&gt;-control-NN</c>), 1–16: the most app instances that run
    /// orchestrations at once. Fixed when the task hub is first created.
    /// </summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// Longest wait between polls of an empty queue. The provider backs off to this when idle, so
    /// it bounds how long an idle app takes to notice a new build (and each poll is one transaction per queue).
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Keep an orchestration in memory between episodes (no history reload, no replay) while it waits on its activities.</summary>
    public bool ExtendedSessions { get; set; } = true;

    /// <summary>How long an idle extended session stays in memory.</summary>
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a dequeued work item (an activity) stays invisible to other workers; the provider
    /// renews it while the activity runs, so this is how soon a dead worker's activity runs elsewhere.
    /// </summary>
    public TimeSpan WorkItemVisibility { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Same for control-queue messages (orchestration episodes).</summary>
    public TimeSpan ControlQueueVisibility { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Activities one app instance runs at once (each build job is one).</summary>
    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>Orchestration episodes one app instance runs at once.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>How long a graceful stop waits for running episodes and activities before it lets the leases expire.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first problem with these settings (what is wrong and how to fix it), or null.</summary>
    public string? Validate()
    {
        if (PartitionCount is < 1 or > 16)
        {
            return $"Mage__Durable__PartitionCount is {PartitionCount}; use 1 to 16 (the provider's limit).";
        }

        if (MaxQueuePollingInterval < TimeSpan.FromMilliseconds(10) || MaxQueuePollingInterval > TimeSpan.FromMinutes(1))
        {
            return $"Mage__Durable__MaxQueuePollingInterval is {MaxQueuePollingInterval}; use 00:00:00.010 to 00:01:00.";
        }

        if (WorkItemVisibility < TimeSpan.FromSeconds(10) || ControlQueueVisibility < TimeSpan.FromSeconds(10))
        {
            return "Mage__Durable__WorkItemVisibility and Mage__Durable__ControlQueueVisibility must be at least 00:00:10.";
        }

        if (MaxConcurrentActivities < 1 || MaxConcurrentOrchestrations < 1)
        {
            return "Mage__Durable__MaxConcurrentActivities and Mage__Durable__MaxConcurrentOrchestrations must be at least 1.";
        }

        return null;
    }
}
