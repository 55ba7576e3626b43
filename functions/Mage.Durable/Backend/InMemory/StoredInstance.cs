using Mage.Durable.History;

namespace Mage.Durable.Backend.InMemory;

/// <summary>Instance row and history; guarded by the backend lock.</summary>
internal sealed class StoredInstance(OrchestrationInstanceRecord record)
{
    public OrchestrationInstanceRecord Record { get; set; } = record;

    public List<HistoryEvent> History { get; } = [];

    public long Version { get; set; }

    public List<TaskCompletionSource<OrchestrationInstanceRecord?>> CompletionWaiters { get; } = [];
}
