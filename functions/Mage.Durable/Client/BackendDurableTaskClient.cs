using Mage.Durable.Backend;
using Mage.Durable.History;

namespace Mage.Durable;

/// <summary><see cref="DurableTaskClient"/> that talks directly to an <see cref="IOrchestrationBackend"/>. Thread-safe.</summary>
/// <param name="backend">The store shared with the workers.</param>
/// <param name="timeProvider">Clock for created/updated times.</param>
public sealed class BackendDurableTaskClient(IOrchestrationBackend backend, TimeProvider timeProvider) : DurableTaskClient
{
    /// <inheritdoc/>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        string instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ValidateInstanceId(instanceId);
        DateTimeOffset now = timeProvider.GetUtcNow();
        string? serialized = DurableSerializer.Serialize(input);
        var record = new OrchestrationInstanceRecord
        {
            InstanceId = instanceId,
            Name = orchestratorName,
            Status = OrchestrationRuntimeStatus.Pending,
            Input = serialized,
            CreatedAt = now,
            LastUpdatedAt = now,
        };

        // The row is the dedupe point: a second start with the same id fails here before sending anything.
        if (!await backend.CreateInstanceIfAbsentAsync(record, cancellation))
        {
            throw new OrchestrationAlreadyExistsException(instanceId);
        }

        var started = new ExecutionStartedEvent(orchestratorName, serialized) { Timestamp = now.UtcDateTime };
        await SendAsync(instanceId, started, now, cancellation);
        return instanceId;
    }

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId,
        bool getInputsAndOutputs = false,
        CancellationToken cancellation = default)
    {
        OrchestrationInstanceRecord? record = await backend.GetInstanceAsync(instanceId, cancellation);
        return record is null ? null : ToMetadata(record, getInputsAndOutputs);
    }

    /// <inheritdoc/>
    public override async Task RaiseEventAsync(
        string instanceId,
        string eventName,
        object? eventPayload = null,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        _ = await backend.GetInstanceAsync(instanceId, cancellation)
            ?? throw new InvalidOperationException($"No orchestration instance with id '{instanceId}'.");
        DateTimeOffset now = timeProvider.GetUtcNow();
        string messageId = Guid.NewGuid().ToString("N");
        var raised = new EventRaisedEvent(eventName, DurableSerializer.Serialize(eventPayload), messageId) { Timestamp = now.UtcDateTime };
        await backend.SendControlMessageAsync(
            instanceId,
            DurableSerializer.SerializeMessage(new OrchestrationMessage(messageId, instanceId, raised)),
            now,
            cancellation);
    }

    /// <inheritdoc/>
    public override async Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default)
    {
        OrchestrationInstanceRecord record = await backend.GetInstanceAsync(instanceId, cancellation)
            ?? throw new InvalidOperationException($"No orchestration instance with id '{instanceId}'.");
        if (record.IsTerminal)
        {
            return;
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        await SendAsync(instanceId, new ExecutionTerminatedEvent(DurableSerializer.Serialize(output)) { Timestamp = now.UtcDateTime }, now, cancellation);
    }

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId,
        bool getInputsAndOutputs = false,
        CancellationToken cancellation = default)
    {
        OrchestrationInstanceRecord record = await backend.WaitForInstanceCompletionAsync(instanceId, cancellation)
            ?? throw new InvalidOperationException($"No orchestration instance with id '{instanceId}'.");
        return ToMetadata(record, getInputsAndOutputs);
    }

    /// <inheritdoc/>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default) =>
        new(await backend.PurgeInstanceAsync(instanceId, cancellation) ? 1 : 0);

    /// <summary>
    /// Ids must be usable as a table key and queue routing key in every backend: 1-256 characters,
    /// no control characters and none of / \ # ?.
    /// </summary>
    private static void ValidateInstanceId(string instanceId)
    {
        if (instanceId.Length is 0 or > 256
            || string.IsNullOrWhiteSpace(instanceId)
            || instanceId.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?'))
        {
            throw new ArgumentException(
                $"Instance id '{instanceId}' is not valid: use 1-256 characters without control characters, '/', '\\', '#' or '?'.",
                nameof(instanceId));
        }
    }

    private static OrchestrationMetadata ToMetadata(OrchestrationInstanceRecord record, bool withPayloads) => new()
    {
        Name = record.Name,
        InstanceId = record.InstanceId,
        RuntimeStatus = record.Status,
        CreatedAt = record.CreatedAt,
        LastUpdatedAt = record.LastUpdatedAt,
        SerializedInput = withPayloads ? record.Input : null,
        SerializedOutput = withPayloads ? record.Output : null,
        SerializedCustomStatus = withPayloads ? record.CustomStatus : null,
        FailureDetails = record.FailureDetails,
    };

    private Task SendAsync(string instanceId, HistoryEvent e, DateTimeOffset now, CancellationToken cancellation) =>
        backend.SendControlMessageAsync(
            instanceId,
            DurableSerializer.SerializeMessage(new OrchestrationMessage(Guid.NewGuid().ToString("N"), instanceId, e)),
            now,
            cancellation);
}
