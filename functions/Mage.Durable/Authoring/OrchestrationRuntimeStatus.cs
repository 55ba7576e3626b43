namespace Mage.Durable;

/// <summary>Lifecycle state of an orchestration instance, as stored in the instance store.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Created by the client; the worker has not run it yet.</summary>
    Pending = 0,

    /// <summary>Started and not yet finished (includes waiting on timers, activities or events).</summary>
    Running = 1,

    /// <summary>The orchestrator returned normally.</summary>
    Completed = 2,

    /// <summary>The orchestrator threw, or the engine failed it (for example non-determinism).</summary>
    Failed = 3,

    /// <summary>Ended by <see cref="DurableTaskClient.TerminateInstanceAsync"/>.</summary>
    Terminated = 4,
}
