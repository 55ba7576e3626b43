using Mage.Durable.Backend;
using Mage.Durable.Engine;
using Mage.Durable.History;

namespace Mage.Durable.Worker;

/// <summary>
/// What a worker knows about one instance between episodes: the committed history (until an executor
/// has consumed it), the ETag for the next append, the live executor, and the ids needed to drop
/// duplicate messages. Owned by one episode at a time (taken out of the cache while in use).
/// </summary>
internal sealed class OrchestrationSession
{
    private readonly HashSet<int> _scheduled = [];
    private readonly HashSet<int> _resolved = [];
    private readonly HashSet<string> _eventMessageIds = new(StringComparer.Ordinal);

    public OrchestrationSession(InstanceState state)
    {
        InstanceId = state.Record.InstanceId;
        Record = state.Record;
        ETag = state.ETag;
        History = [.. state.History];
        Track(state.History);
    }

    public string InstanceId { get; }

    public OrchestrationInstanceRecord Record { get; set; }

    public string ETag { get; set; }

    /// <summary>Committed events not yet fed to an executor; cleared once <see cref="Executor"/> exists.</summary>
    public List<HistoryEvent> History { get; }

    public int HistoryLength { get; private set; }

    public OrchestrationExecutor? Executor { get; set; }

    public bool Started { get; private set; }

    public bool Terminal { get; private set; }

    public bool IsScheduled(int sequenceId) => _scheduled.Contains(sequenceId);

    public bool IsResolved(int sequenceId) => _resolved.Contains(sequenceId);

    public bool SeenEvent(string messageId) => _eventMessageIds.Contains(messageId);

    /// <summary>Updates the duplicate-detection sets with committed (or about to be committed) events.</summary>
    public void Track(IEnumerable<HistoryEvent> events)
    {
        foreach (HistoryEvent e in events)
        {
            HistoryLength++;
            switch (e)
            {
                case ExecutionStartedEvent:
                    Started = true;
                    break;
                case TaskScheduledEvent s:
                    _scheduled.Add(s.EventId);
                    break;
                case TimerCreatedEvent t:
                    _scheduled.Add(t.EventId);
                    break;
                case TaskCompletedEvent c:
                    _resolved.Add(c.TaskScheduledId);
                    break;
                case TaskFailedEvent f:
                    _resolved.Add(f.TaskScheduledId);
                    break;
                case TimerFiredEvent t:
                    _resolved.Add(t.TimerId);
                    break;
                case EventRaisedEvent r:
                    _eventMessageIds.Add(r.MessageId);
                    break;
                case ExecutionCompletedEvent or ExecutionTerminatedEvent:
                    Terminal = true;
                    break;
            }
        }
    }
}
