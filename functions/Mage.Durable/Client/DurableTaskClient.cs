namespace Mage.Durable;

/// <summary>
/// Starts and manages orchestration instances. Thread-safe; register as a singleton.
/// Methods that take <c>getInputsAndOutputs</c> leave the serialized payloads null unless asked,
/// as Microsoft.DurableTask does, because payloads can be large.
/// </summary>
public abstract class DurableTaskClient
{
    /// <summary>
    /// Creates an instance (status Pending) and queues its start. With <see cref="StartOrchestrationOptions.InstanceId"/>
    /// set, a second start of the same id throws <see cref="OrchestrationAlreadyExistsException"/> and changes nothing.
    /// Returns the instance id.
    /// </summary>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default);

    /// <summary>Reads an instance, or null when it does not exist.</summary>
    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId,
        bool getInputsAndOutputs = false,
        CancellationToken cancellation = default);

    /// <summary>Reads an instance without payloads, or null.</summary>
    public virtual Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellation) =>
        GetInstanceAsync(instanceId, false, cancellation);

    /// <summary>
    /// Sends an external event. It is buffered by the instance until awaited. Throws
    /// <see cref="InvalidOperationException"/> when the instance does not exist; events for finished instances are dropped.
    /// </summary>
    public abstract Task RaiseEventAsync(
        string instanceId,
        string eventName,
        object? eventPayload = null,
        CancellationToken cancellation = default);

    /// <summary>
    /// Ends a running instance at its next episode (without running more orchestrator code); results that
    /// arrive later are ignored. No effect on finished instances. Idempotent.
    /// </summary>
    public abstract Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default);

    /// <summary>Waits until the instance is Completed, Failed or Terminated. Throws when it does not exist.</summary>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId,
        bool getInputsAndOutputs = false,
        CancellationToken cancellation = default);

    /// <summary>Waits for completion without payloads.</summary>
    public virtual Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellation) =>
        WaitForInstanceCompletionAsync(instanceId, false, cancellation);

    /// <summary>Deletes a finished instance and its history; running instances are not purged (count 0).</summary>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default);
}
