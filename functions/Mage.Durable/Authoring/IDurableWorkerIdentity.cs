namespace Mage.Durable;

/// <summary>
/// Identity of the worker process running this code. An activity that creates machine-local
/// state (a workspace on disk) returns <see cref="QueueName"/>; the orchestrator then passes it
/// as <see cref="TaskOptions.TargetQueue"/> so later activities run on the same worker.
/// Registered as a singleton; thread-safe.
/// </summary>
public interface IDurableWorkerIdentity
{
    /// <summary>Unique id of this worker.</summary>
    string WorkerId { get; }

    /// <summary>Name of the affinity queue that only this worker reads.</summary>
    string QueueName { get; }
}
