using DurableTask.Core;
using Mage.Builds.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace Mage.Functions.Hosting.Durable;

/// <summary>
/// <see cref="DurableTaskClient"/> over DurableTask.Core's <see cref="TaskHubClient"/>, so that
/// endpoint code reads as it would in an Azure Functions app. Supports what the app uses:
/// schedule (an existing instance id is refused, whatever its status), read state, raise an
/// event, terminate, suspend/resume, wait, purge. Payloads use <see cref="BuildPayloads.Converter"/>,
/// the worker's format.
/// </summary>
public sealed class TaskHubDurableTaskClient : DurableTaskClient
{
    /// <summary>Every status: scheduling an id that exists in any of them is refused (a build id runs once).</summary>
    private static readonly CoreStatus[] AnyStatus = Enum.GetValues<CoreStatus>();

    private readonly DurableEngine _engine;
    private readonly TaskHubClient _client;

    /// <summary>Creates the client over the engine's provider.</summary>
    public TaskHubDurableTaskClient(DurableEngine engine, ILoggerFactory loggerFactory) : base("mage")
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _client = new TaskHubClient(engine.Service, new CorePayloadConverter(), loggerFactory);
    }

    /// <summary>Polling interval bounds of the wait methods.</summary>
    public static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(10), LongestPoll = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The instance id exists (DurableTask.Core's <c>OrchestrationAlreadyExistsException</c>).</exception>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        await _engine.WaitCreatedAsync(cancellation);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var tags = options?.Tags?.ToDictionary(t => t.Key, t => t.Value);
        var state = options?.StartAt is { } at
            ? await _client.CreateOrchestrationInstanceAsync(orchestratorName.Name, string.Empty, instanceId, input, tags, AnyStatus, at.UtcDateTime)
            : await _client.CreateOrchestrationInstanceAsync(orchestratorName.Name, string.Empty, instanceId, input, tags, AnyStatus);
        return state.InstanceId;
    }

    /// <inheritdoc />
    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        await _engine.WaitCreatedAsync(cancellation);
        await _client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, eventPayload!);
    }

    /// <inheritdoc />
    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        await _engine.WaitCreatedAsync(cancellation);
        var reason = options?.Output is { } output ? BuildPayloads.Converter.Serialize(output) : null;
        await _client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason!);
    }

    /// <inheritdoc />
    public override async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        await _engine.WaitCreatedAsync(cancellation);
        await _client.SuspendInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);
    }

    /// <inheritdoc />
    public override async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        await _engine.WaitCreatedAsync(cancellation);
        await _client.ResumeInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        await _engine.WaitCreatedAsync(cancellation);
        var state = await _client.GetOrchestrationStateAsync(instanceId);
        return state is null ? null : ToMetadata(state, getInputsAndOutputs);
    }

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, s => s.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, s => s.IsCompleted, cancellation);

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        await _engine.WaitCreatedAsync(cancellation);
        var purged = await ((IOrchestrationServicePurgeClient)_engine.Service).PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(purged.DeletedInstanceCount);
    }

    /// <inheritdoc />
    /// <remarks>Not used by the app; Storage Explorer shows the <c>&lt;Hub&gt;Instances</c> table.</remarks>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        throw new NotSupportedException("Listing orchestrations is not supported by this client; read the task hub's Instances table, or the builds API.");

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<OrchestrationMetadata> PollAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        var delay = FirstPoll;
        while (true)
        {
            if (await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) is { } state && done(state))
            {
                return state;
            }

            await Task.Delay(delay, cancellation);
            delay = TimeSpan.FromTicks(Math.Min(LongestPoll.Ticks, delay.Ticks * 2));
        }
    }

    private static OrchestrationMetadata ToMetadata(OrchestrationState state, bool withPayloads) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        DataConverter = BuildPayloads.Converter,
        RuntimeStatus = ToRuntimeStatus(state.OrchestrationStatus),
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
        SerializedInput = withPayloads ? state.Input : null,
        SerializedOutput = withPayloads ? state.Output : null,
        SerializedCustomStatus = state.Status,
        FailureDetails = state.FailureDetails is { } f ? ToFailure(f) : null,
    };

    private static TaskFailureDetails ToFailure(FailureDetails f) =>
        new(f.ErrorType, f.ErrorMessage, f.StackTrace, f.InnerFailure is { } inner ? ToFailure(inner) : null, null);

    private static OrchestrationRuntimeStatus ToRuntimeStatus(CoreStatus status) => status switch
    {
        CoreStatus.Running => OrchestrationRuntimeStatus.Running,
        CoreStatus.Completed => OrchestrationRuntimeStatus.Completed,
        CoreStatus.Failed => OrchestrationRuntimeStatus.Failed,
        CoreStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        CoreStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
        CoreStatus.Pending => OrchestrationRuntimeStatus.Pending,
#pragma warning disable CS0618 // ContinuedAsNew and Canceled are obsolete in both enums; mapped for completeness.
        CoreStatus.ContinuedAsNew => OrchestrationRuntimeStatus.ContinuedAsNew,
        CoreStatus.Canceled => OrchestrationRuntimeStatus.Canceled,
#pragma warning restore CS0618
        _ => OrchestrationRuntimeStatus.Running,
    };
}
