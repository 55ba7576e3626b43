using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Mage.Functions.Worker.Durable;

/// <summary>
/// The <see cref="DurableTaskClient"/> the app's services get under the Functions host: every call
/// goes to the Durable Functions client that a <c>[DurableClient]</c> binding delivered (the
/// extension's gRPC client to the host's task hub, <c>%Mage__TaskHub%</c> on Azure Storage).
/// The endpoints, the build submitter and the stranded-build sweep keep taking a
/// <see cref="DurableTaskClient"/> from DI, as in the standalone app.
/// </summary>
/// <remarks>
/// Every function that can reach the client (submit, kill, the sweep) binds <c>[DurableClient]</c>
/// and calls <see cref="Bind"/> first. The extension caches one client per host endpoint and task
/// hub, and a worker talks to one host, so the latest bound client is the one to use. Thread-safe.
/// </remarks>
public sealed class HostDurableTaskClient : DurableTaskClient
{
    private DurableTaskClient? _bound;

    /// <summary>Creates the client; it answers once a binding has delivered the host's client.</summary>
    public HostDurableTaskClient() : base("functions-host")
    {
    }

    /// <summary>Whether a binding has delivered the host's client.</summary>
    public bool IsBound => Volatile.Read(ref _bound) is not null;

    /// <summary>Uses <paramref name="client"/> (from a <c>[DurableClient]</c> binding) from now on.</summary>
    public void Bind(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (ReferenceEquals(client, this))
        {
            throw new ArgumentException("The host client cannot forward to itself; bind the client from a [DurableClient] parameter.", nameof(client));
        }

        Volatile.Write(ref _bound, client);
    }

    /// <inheritdoc />
    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        Bound.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        Bound.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    /// <inheritdoc />
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Bound.TerminateInstanceAsync(instanceId, options, cancellation);

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Bound.SuspendInstanceAsync(instanceId, reason, cancellation);

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Bound.ResumeInstanceAsync(instanceId, reason, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Bound.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Bound.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Bound.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc />
    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Bound.PurgeInstanceAsync(instanceId, options, cancellation);

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Bound.GetAllInstancesAsync(filter);

    /// <inheritdoc />
    /// <remarks>The bound client belongs to the extension, which disposes it.</remarks>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private DurableTaskClient Bound => Volatile.Read(ref _bound) ?? throw new InvalidOperationException(
        "No Durable Functions client is bound yet: a function that uses the engine must take a [DurableClient] DurableTaskClient parameter and pass it to HostDurableTaskClient.Bind before calling the app's services.");
}
