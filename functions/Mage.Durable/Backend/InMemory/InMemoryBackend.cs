using System.Globalization;
using Mage.Durable.History;

namespace Mage.Durable.Backend.InMemory;

/// <summary>
/// Process-local <see cref="IOrchestrationBackend"/> for tests and benchmarks. It follows the same
/// delivery rules as a remote store: leases expire (measured with the injected <see cref="TimeProvider"/>),
/// abandoned and expired messages are redelivered, delayed messages appear at their visible-at time,
/// and <see cref="InMemoryBackendOptions.DuplicateWhen"/> injects duplicate deliveries.
/// One lock guards all state; receivers wait on signals instead of polling, and a single
/// TimeProvider timer wakes them for the earliest delayed message or lease expiry.
/// </summary>
public sealed partial class InMemoryBackend : IOrchestrationBackend, IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly InMemoryBackendOptions _options;
    private readonly Dictionary<string, StoredInstance> _instances = new(StringComparer.Ordinal);
    private readonly PriorityQueue<DueItem, DateTimeOffset> _due = new();
    private TaskCompletionSource _controlSignal = NewSignal();
    private TaskCompletionSource _workSignal = NewSignal();
    private ITimer? _wakeTimer;
    private DateTimeOffset _nextWake = DateTimeOffset.MaxValue;
    private long _nextMessageId;

    /// <summary>Creates an empty backend.</summary>
    /// <param name="timeProvider">Clock for visibility and leases; defaults to the system clock.</param>
    /// <param name="options">Fault injection and tuning; defaults apply when null.</param>
    public InMemoryBackend(TimeProvider? timeProvider = null, InMemoryBackendOptions? options = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new InMemoryBackendOptions();
    }

    /// <summary>Fault injection and tuning; may be changed while running (for example to start duplicating).</summary>
    public InMemoryBackendOptions Options => _options;

    /// <inheritdoc/>
    public string SharedWorkItemQueue => _options.SharedWorkItemQueue;

    /// <inheritdoc/>
    public Task<bool> CreateInstanceIfAbsentAsync(OrchestrationInstanceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            return Task.FromResult(_instances.TryAdd(record.InstanceId, new StoredInstance(record)));
        }
    }

    /// <inheritdoc/>
    public Task<OrchestrationInstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.TryGetValue(instanceId, out StoredInstance? stored) ? stored.Record : null);
        }
    }

    /// <inheritdoc/>
    public Task<InstanceState?> LoadInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out StoredInstance? stored))
            {
                return Task.FromResult<InstanceState?>(null);
            }

            // A copy: the caller replays it while later appends may happen.
            return Task.FromResult<InstanceState?>(new InstanceState(stored.Record, stored.History.ToArray(), ETagOf(stored)));
        }
    }

    /// <inheritdoc/>
    public Task<string> AppendHistoryAsync(
        string instanceId,
        string expectedETag,
        IReadOnlyList<HistoryEvent> events,
        OrchestrationInstanceRecord record,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(record);
        List<TaskCompletionSource<OrchestrationInstanceRecord?>>? toSignal = null;
        string etag;
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out StoredInstance? stored))
            {
                throw new HistoryConflictException($"Instance '{instanceId}' no longer exists.");
            }

            if (ETagOf(stored) != expectedETag)
            {
                throw new HistoryConflictException(
                    $"History of '{instanceId}' changed: expected ETag {expectedETag}, found {ETagOf(stored)}.");
            }

            stored.History.AddRange(events);
            stored.Version++;
            stored.Record = record;
            etag = ETagOf(stored);
            if (record.IsTerminal && stored.CompletionWaiters.Count > 0)
            {
                toSignal = [.. stored.CompletionWaiters];
                stored.CompletionWaiters.Clear();
            }
        }

        toSignal?.ForEach(w => w.TrySetResult(record));
        return Task.FromResult(etag);
    }

    /// <inheritdoc/>
    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            bool purge = _instances.TryGetValue(instanceId, out StoredInstance? stored) && stored.Record.IsTerminal;
            return Task.FromResult(purge && _instances.Remove(instanceId));
        }
    }

    /// <inheritdoc/>
    public async Task<OrchestrationInstanceRecord?> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken)
    {
        TaskCompletionSource<OrchestrationInstanceRecord?> waiter;
        StoredInstance? stored;
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out stored))
            {
                return null;
            }

            if (stored.Record.IsTerminal)
            {
                return stored.Record;
            }

            waiter = new TaskCompletionSource<OrchestrationInstanceRecord?>(TaskCreationOptions.RunContinuationsAsynchronously);
            stored.CompletionWaiters.Add(waiter);
        }

        try
        {
            return await waiter.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                stored.CompletionWaiters.Remove(waiter);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _wakeTimer?.Dispose();
            _wakeTimer = null;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string ETagOf(StoredInstance stored) => stored.Version.ToString(CultureInfo.InvariantCulture);

    private string NewMessageId() => Interlocked.Increment(ref _nextMessageId).ToString(CultureInfo.InvariantCulture);

    private bool ShouldDuplicate(string body) => _options.DuplicateWhen?.Invoke(body) == true;

    /// <summary>Waits on a signal until <paramref name="tryTake"/> yields, the idle timeout passes (null) or cancellation.</summary>
    private async Task<T?> ReceiveAsync<T>(Func<DateTimeOffset, T?> tryTake, bool control, CancellationToken cancellationToken)
        where T : class
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(_options.IdleReceiveTimeout);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                DateTimeOffset now = _time.GetUtcNow();
                PromoteDue(now);
                T? item = tryTake(now);
                if (item is not null)
                {
                    return item;
                }

                signal = control ? _controlSignal.Task : _workSignal.Task;
                ArmWakeTimer(now);
            }

            try
            {
                await signal.WaitAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    private void PulseControl()
    {
        TaskCompletionSource old = _controlSignal;
        _controlSignal = NewSignal();
        old.TrySetResult();
    }

    private void PulseWork()
    {
        TaskCompletionSource old = _workSignal;
        _workSignal = NewSignal();
        old.TrySetResult();
    }

    private void AddDue(DueItem item, DateTimeOffset at)
    {
        _due.Enqueue(item, at);
        ArmWakeTimer(_time.GetUtcNow());
    }

    /// <summary>Keeps one timer armed for the earliest due item so waiting receivers wake on time.</summary>
    private void ArmWakeTimer(DateTimeOffset now)
    {
        if (!_due.TryPeek(out _, out DateTimeOffset at) || at >= _nextWake)
        {
            return;
        }

        _nextWake = at;
        TimeSpan dueIn = at <= now ? TimeSpan.Zero : at - now;
        _wakeTimer ??= _time.CreateTimer(_ => OnWake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _wakeTimer.Change(dueIn, Timeout.InfiniteTimeSpan);
    }

    private void OnWake()
    {
        lock (_gate)
        {
            _nextWake = DateTimeOffset.MaxValue;
            PulseControl();
            PulseWork();
        }
    }

    /// <summary>Applies every due item: delayed messages become visible, expired leases are released.</summary>
    private void PromoteDue(DateTimeOffset now)
    {
        while (_due.TryPeek(out DueItem? item, out DateTimeOffset at) && at <= now)
        {
            _due.Dequeue();
            switch (item.Kind)
            {
                case DueKind.ControlMessageVisible:
                    Hint(item.InstanceId!);
                    break;
                case DueKind.ControlLockExpired:
                    ExpireControlLock(item.InstanceId!, item.Token!, now);
                    break;
                case DueKind.WorkItemVisible:
                    EnqueueVisible(item.Message!, now);
                    break;
                case DueKind.WorkItemLeaseExpired:
                    ExpireWorkLease(item.Message!, item.Token!, now);
                    break;
            }
        }
    }
}
