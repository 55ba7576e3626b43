namespace Mage.Durable;

/// <summary>Per-execution context handed to an activity. Not shared between executions.</summary>
public abstract class TaskActivityContext
{
    /// <summary>Id of the orchestration instance that called the activity.</summary>
    public abstract string InstanceId { get; }

    /// <summary>Registered name of the activity.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Signalled when the worker shuts down and its grace period ran out; the work item is then
    /// abandoned and redelivered to another worker, so the activity should stop promptly.
    /// </summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>
    /// Extends the lease on this work item so a long-running activity is not redelivered to
    /// another worker while it is still alive. Call it well within the worker's activity lease.
    /// </summary>
    public abstract Task HeartbeatAsync();
}
