using System.Security.Cryptography;
using System.Text;
using Mage.Durable.History;
using Microsoft.Extensions.Logging;

namespace Mage.Durable.Engine;

/// <summary>
/// The engine's <see cref="TaskOrchestrationContext"/>: turns durable calls into pending actions with
/// sequence ids, matches them against history during replay, and completes awaited tasks when
/// completion events are applied. Confined to the thread that runs the current episode.
/// </summary>
internal sealed class DurableOrchestrationContext(string name, string instanceId, ILoggerFactory loggerFactory)
    : TaskOrchestrationContext
{
    private readonly SortedDictionary<int, HistoryEvent> _pending = [];
    private readonly Dictionary<int, OpenTask> _open = [];
    private readonly Dictionary<string, Queue<string?>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private DateTime _now;
    private bool _isReplaying;
    private int _nextSequenceId;
    private int _guidCounter;
    private int _threadId;

    public override string Name => name;

    public override string InstanceId => instanceId;

    public override DateTime CurrentUtcDateTime => _now;

    public override bool IsReplaying => _isReplaying;

    /// <summary>Serialized custom status as last set by the orchestrator.</summary>
    public string? CustomStatus { get; private set; }

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        EnsureOnOrchestratorThread();
        ArgumentException.ThrowIfNullOrEmpty(name);
        string? serialized = DurableSerializer.Serialize(input);
        return options?.Retry is { } retry
            ? CallWithRetryAsync<TResult>(name, serialized, options.TargetQueue, retry)
            : ConvertAsync<TResult>(ScheduleActivity(name, serialized, options?.TargetQueue));
    }

    public override Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken)
    {
        EnsureOnOrchestratorThread();
        DateTime fireAt = fireAtUtc.Kind == DateTimeKind.Local ? fireAtUtc.ToUniversalTime() : DateTime.SpecifyKind(fireAtUtc, DateTimeKind.Utc);
        int id = _nextSequenceId++;
        _pending.Add(id, new TimerCreatedEvent(id, fireAt));
        var completion = new TaskCompletionSource<string?>();
        _open.Add(id, new OpenTask("timer", completion));
        if (cancellationToken.CanBeCanceled)
        {
            // Cancel runs on the orchestrator thread (user code calls Cancel), so touching state here is safe.
            // The timer message still arrives later; with no open task it is ignored.
            cancellationToken.Register(() =>
            {
                if (_open.Remove(id))
                {
                    completion.TrySetCanceled(cancellationToken);
                }
            });
        }

        return completion.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        EnsureOnOrchestratorThread();
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (_buffered.TryGetValue(eventName, out Queue<string?>? queue) && queue.TryDequeue(out string? payload))
        {
            return ConvertAsync<T>(Task.FromResult(payload));
        }

        var completion = new TaskCompletionSource<string?>();
        if (!_waiters.TryGetValue(eventName, out LinkedList<TaskCompletionSource<string?>>? list))
        {
            list = new LinkedList<TaskCompletionSource<string?>>();
            _waiters.Add(eventName, list);
        }

        LinkedListNode<TaskCompletionSource<string?>> node = list.AddLast(completion);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    list.Remove(node);
                    completion.TrySetCanceled(cancellationToken);
                }
            });
        }

        return ConvertAsync<T>(completion.Task);
    }

    public override void SetCustomStatus(object? customStatus)
    {
        EnsureOnOrchestratorThread();
        CustomStatus = DurableSerializer.Serialize(customStatus);
    }

    public override Guid NewGuid()
    {
        EnsureOnOrchestratorThread();
        // Derived from values that are identical on every replay: instance, episode time and call order.
        string seed = FormattableString.Invariant($"{InstanceId}|{_now.Ticks}|{_guidCounter++}");
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return new Guid(hash.AsSpan(0, 16));
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, loggerFactory.CreateLogger(categoryName));

    internal void BeginExecution(bool replaying)
    {
        _isReplaying = replaying;
        _threadId = Environment.CurrentManagedThreadId;
    }

    internal void EndExecution() => _threadId = 0;

    internal void SetCurrentTime(DateTime now) => _now = DateTime.SpecifyKind(now, DateTimeKind.Utc);

    /// <summary>A scheduling event from history must match the call the code made with the same sequence id.</summary>
    internal void MatchScheduled(HistoryEvent recorded, int sequenceId)
    {
        if (!_pending.Remove(sequenceId, out HistoryEvent? actual) || !SameCall(recorded, actual))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{Name}' (instance '{InstanceId}'): history expects {Describe(recorded)} " +
                $"as durable call #{sequenceId}, but the orchestrator code now makes {Describe(actual)} at that position. " +
                "Was the orchestrator changed while this instance was running? Keep running code unchanged and add a new orchestrator name for the new version.");
        }
    }

    internal void Complete(int sequenceId, string? result)
    {
        if (_open.Remove(sequenceId, out OpenTask? open))
        {
            open.Completion.TrySetResult(result);
        }
    }

    internal void Fail(int sequenceId, TaskFailureDetails details)
    {
        if (_open.Remove(sequenceId, out OpenTask? open))
        {
            open.Completion.TrySetException(new TaskFailedException(open.Name, sequenceId, details));
        }
    }

    internal void RaiseEvent(string eventName, string? payload)
    {
        if (_waiters.TryGetValue(eventName, out LinkedList<TaskCompletionSource<string?>>? list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.TrySetResult(payload);
            return;
        }

        if (!_buffered.TryGetValue(eventName, out Queue<string?>? queue))
        {
            queue = new Queue<string?>();
            _buffered.Add(eventName, queue);
        }

        queue.Enqueue(payload);
    }

    /// <summary>Calls made since the last checkpoint, stamped with the episode time; they are committed by the caller.</summary>
    internal List<HistoryEvent> TakeNewActions()
    {
        var actions = new List<HistoryEvent>(_pending.Count);
        foreach (HistoryEvent action in _pending.Values)
        {
            actions.Add(action with { Timestamp = _now });
        }

        _pending.Clear();
        return actions;
    }

    private static bool SameCall(HistoryEvent recorded, HistoryEvent? actual) => (recorded, actual) switch
    {
        (TaskScheduledEvent r, TaskScheduledEvent a) => string.Equals(r.Name, a.Name, StringComparison.OrdinalIgnoreCase),
        (TimerCreatedEvent, TimerCreatedEvent) => true,
        _ => false,
    };

    private static string Describe(HistoryEvent? call) => call switch
    {
        TaskScheduledEvent t => $"CallActivityAsync(\"{t.Name}\")",
        TimerCreatedEvent => "CreateTimer(...)",
        null => "no durable call",
        _ => call.GetType().Name,
    };

    private static async Task<T> ConvertAsync<T>(Task<string?> raw) => DurableSerializer.Deserialize<T>(await raw);

    private Task<string?> ScheduleActivity(string activityName, string? input, string? targetQueue)
    {
        int id = _nextSequenceId++;
        _pending.Add(id, new TaskScheduledEvent(id, activityName, input, targetQueue));
        var completion = new TaskCompletionSource<string?>();
        _open.Add(id, new OpenTask(activityName, completion));
        return completion.Task;
    }

    /// <summary>Each retry is a new activity call after a durable timer, so the back-off is visible in history.</summary>
    private async Task<TResult> CallWithRetryAsync<TResult>(string activityName, string? input, string? targetQueue, RetryPolicy retry)
    {
        DateTime firstAttempt = _now;
        for (int attempt = 1; ; attempt++)
        {
            TaskFailedException failure;
            try
            {
                return DurableSerializer.Deserialize<TResult>(await ScheduleActivity(activityName, input, targetQueue));
            }
            catch (TaskFailedException ex)
            {
                failure = ex;
            }

            TimeSpan? delay = retry.GetNextDelay(attempt, _now - firstAttempt);
            if (delay is null)
            {
                throw failure;
            }

            await CreateTimer(_now + delay.Value, CancellationToken.None);
        }
    }

    private void EnsureOnOrchestratorThread()
    {
        if (_threadId != Environment.CurrentManagedThreadId)
        {
            throw new InvalidOperationException(
                "Orchestration context members must be called from the orchestrator's own flow. " +
                "Do not use ConfigureAwait(false), Task.Run or other threads inside an orchestrator.");
        }
    }
}
