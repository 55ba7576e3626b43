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
    private readonly Dictionary<int, string?> _scheduled = [];
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

    public bool IsScheduled(int sequenceId) => _scheduled.ContainsKey(sequenceId);

    /// <summary>False when both sides carry a call id and they differ: the result answers an uncommitted decision.</summary>
    public bool IsCurrentCall(int sequenceId, string? callId) =>
        callId is null || !_scheduled.TryGetValue(sequenceId, out string? recorded) || recorded is null || recorded == callId;

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
                    _scheduled[s.EventId] = s.CallId;
                    break;
                case TimerCreatedEvent t:
                    _scheduled[t.EventId] = t.CallId;
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
