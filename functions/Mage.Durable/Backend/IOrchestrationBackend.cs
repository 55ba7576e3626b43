using Mage.Durable.History;

namespace Mage.Durable.Backend;

/// <summary>
/// What an orchestration store must provide to the engine: an instance store, an append-only
/// history with optimistic concurrency, per-instance control messages and named work-item queues,
/// both with delayed visibility and leases. Implementations: <see cref="InMemory.InMemoryBackend"/>
/// (tests, benchmarks) and an Azure Storage one (Tables for instances/history, Queues for messages).
/// </summary>
/// <remarks>
/// <para><b>Delivery.</b> At-least-once for every message. A message may be delivered more than once
/// (crash between steps, lease expiry, transport duplicates); the engine drops duplicates. A delayed
/// message may be delivered <i>early</i> (for example when a queue caps visibility at 7 days): the
/// engine re-sends timer messages that arrive before their due time, so a backend may simply cap
/// the delay.</para>
/// <para><b>Checkpoint order</b>, followed by the engine after each episode and relied on for
/// crash safety: (1) send every outgoing message (<see cref="SendControlMessageAsync"/>,
/// <see cref="SendWorkItemAsync"/>); (2) <see cref="AppendHistoryAsync"/> guarded by the ETag read
/// with the history - this is the commit point; (3) <see cref="CompleteControlWorkItemAsync"/> to
/// delete the processed messages. A crash between steps loses nothing; it only produces duplicates.</para>
/// <para><b>Control messages</b> are addressed to an instance; an implementation may partition them
/// (hash of the instance id) as long as a control work item only ever holds messages of one instance
/// and one instance is never leased to two callers at once while the lease holds.</para>
/// <para><b>Payloads.</b> Message bodies and history events can carry MiB-sized inputs and outputs; an
/// implementation whose transport has a size limit (Azure Queues: 64 KiB) offloads large bodies (for
/// example to a blob) and restores them transparently before handing them out.</para>
/// <para><b>Thread safety.</b> All members are safe to call concurrently.</para>
/// </remarks>
public interface IOrchestrationBackend
{
    /// <summary>Name of the shared work-item queue that every worker reads.</summary>
    string SharedWorkItemQueue { get; }

    /// <summary>Inserts the instance row if no row with its id exists. Returns false (and writes nothing) otherwise.</summary>
    Task<bool> CreateInstanceIfAbsentAsync(OrchestrationInstanceRecord record, CancellationToken cancellationToken);

    /// <summary>Reads the instance row, or null.</summary>
    Task<OrchestrationInstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Reads the instance row and its full history, or null when the instance does not exist.</summary>
    Task<InstanceState?> LoadInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="events"/> to the history and replaces the instance row, only if the history
    /// still has <paramref name="expectedETag"/>; otherwise throws <see cref="HistoryConflictException"/>
    /// and writes nothing. Returns the new ETag.
    /// </summary>
    Task<string> AppendHistoryAsync(
        string instanceId,
        string expectedETag,
        IReadOnlyList<HistoryEvent> events,
        OrchestrationInstanceRecord record,
        CancellationToken cancellationToken);

    /// <summary>Deletes a terminal instance (row and history). Returns false when absent or not terminal.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Completes when the instance row reaches a terminal status and returns it; null if the instance does
    /// not exist. In-memory implementations signal; remote ones poll with back-off.
    /// </summary>
    Task<OrchestrationInstanceRecord?> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Sends a control message to <paramref name="instanceId"/>, invisible until <paramref name="visibleAt"/>.</summary>
    Task SendControlMessageAsync(string instanceId, string body, DateTimeOffset visibleAt, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for an instance with visible control messages that no one holds, leases all its visible messages
    /// for <paramref name="lease"/> and returns them. Returns null after an idle period chosen by the
    /// implementation; throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    Task<ControlWorkItem?> ReceiveControlWorkItemAsync(TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Deletes the work item's messages and releases the instance. A stale lease deletes nothing.</summary>
    Task CompleteControlWorkItemAsync(ControlWorkItem workItem, CancellationToken cancellationToken);

    /// <summary>Releases the instance; its messages become visible again after <paramref name="delay"/>.</summary>
    Task AbandonControlWorkItemAsync(ControlWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Sends an activity work item to queue <paramref name="queue"/>, invisible until <paramref name="visibleAt"/>.</summary>
    Task SendWorkItemAsync(string queue, string body, DateTimeOffset visibleAt, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for a visible work item on any of <paramref name="queues"/> and leases it for <paramref name="lease"/>.
    /// Returns null after an idle period; throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    Task<BackendMessage?> ReceiveWorkItemAsync(IReadOnlyList<string> queues, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends a work item's lease (activity heartbeat). Returns false when the lease was lost.</summary>
    Task<bool> RenewWorkItemAsync(BackendMessage message, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Deletes a work item. A stale lease deletes nothing.</summary>
    Task CompleteWorkItemAsync(BackendMessage message, CancellationToken cancellationToken);

    /// <summary>Returns a work item to its queue, visible again after <paramref name="delay"/>.</summary>
    Task AbandonWorkItemAsync(BackendMessage message, TimeSpan delay, CancellationToken cancellationToken);
}
