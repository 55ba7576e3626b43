using Mage.Durable.History;

namespace Mage.Durable.Worker;

/// <summary>How the messages of one control work item are used: applied now, postponed, or dropped.</summary>
internal sealed class EpisodePlan
{
    public List<HistoryEvent> Accepted { get; } = [];

    /// <summary>Messages to send again (same message id) with their new visibility time.</summary>
    public List<(OrchestrationMessage Message, DateTimeOffset VisibleAt)> Deferred { get; } = [];

    public ExecutionTerminatedEvent? Terminated { get; set; }

    /// <summary>
    /// True when a message refers to history this session does not know (a result for an unscheduled
    /// call, or anything before the start): a cached session may simply be stale, so reload before deferring.
    /// </summary>
    public bool NeedsFreshState { get; set; }
}
