using Mage.Storage.Queues;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>
/// Control messages: polled in batches from the owned partitions' queues, buffered per instance, handed out
/// one instance at a time while that instance is locked in this process.
/// </summary>
public sealed partial class AzureStorageBackend
{
    /// <summary>Storage requests one call issues at once (deleting a large batch of processed messages).</summary>
    private const int RequestConcurrency = 16;

    private readonly WakeSignal _controlSignal = new();
    private readonly Lock _controlGate = new();
    private readonly Dictionary<string, List<LeasedMessage>> _buffered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceLock> _locks = new(StringComparer.Ordinal);
    private readonly Queue<string> _ready = new();
    private readonly HashSet<string> _readySet = new(StringComparer.Ordinal);
    private int _nextPartition;

    // The control lease receivers in this process ask for (0 until the first receive): hand-offs are leased for it.
    private long _controlLeaseTicks;

    /// <inheritdoc/>
    public async Task SendControlMessageAsync(string instanceId, string body, DateTimeOffset visibleAt, CancellationToken cancellationToken)
    {
        ValidateInstanceId(instanceId);
        ArgumentNullException.ThrowIfNull(body);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        QueueEnvelope envelope = await WrapAsync(instanceId, instanceId, body, visibleAt, cancellationToken).ConfigureAwait(false);
        int partition = PartitionOf(instanceId);
        TimeSpan lease = TimeSpan.FromTicks(Volatile.Read(ref _controlLeaseTicks));
        if (lease > TimeSpan.Zero && visibleAt <= _time.GetUtcNow() && _partitions?.Owns(partition) == true && _options.DuplicateWhen is null)
        {
            await HandOffAsync(partition, instanceId, envelope, body, lease, cancellationToken).ConfigureAwait(false);
            return;
        }

        await SendAsync(_controlQueues[partition], envelope, body, cancellationToken).ConfigureAwait(false);
        _controlSignal.Pulse();
    }

    /// <summary>
    /// In-process wake-up without a receive: a due message for a partition this process owns is enqueued already
    /// leased (invisible for the lease) and buffered here with the pop receipt the send returned, exactly as if a
    /// poll had received it. Durability is unchanged: if this process dies, the message surfaces when the lease ends.
    /// The envelope's <see cref="QueueEnvelope.Early"/> of -1 counts this delivery, which the queue does not see.
    /// </summary>
    private async Task HandOffAsync(int partition, string instanceId, QueueEnvelope envelope, string body, TimeSpan lease, CancellationToken cancellationToken)
    {
        QueueClient queue = _controlQueues[partition];
        QueueEnvelope leased = envelope with { Early = -1 };
        SendReceipt receipt = await queue.SendMessageAsync(leased.ToText(), RealLease(lease), Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        var held = new LeasedMessage
        {
            Token = Guid.NewGuid().ToString("N"),
            Queue = queue,
            LogicalQueue = instanceId,
            Partition = partition,
            MessageId = receipt.MessageId,
            Envelope = leased,
            Body = body,
            DequeueCount = 1,
            PopReceipt = receipt.PopReceipt,
        };
        AddToBuffer(held, lease);
        _controlSignal.Pulse();
    }

    /// <inheritdoc/>
    /// <remarks>Returns null after <see cref="AzureStorageBackendOptions.ReceiveIdleTimeout"/> without work. Polls with
    /// adaptive back-off; local sends, releases and clock-driven reveals wake it at once.</remarks>
    public async Task<ControlWorkItem?> ReceiveControlWorkItemAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _controlLeaseTicks, lease.Ticks);
        long deadline = Environment.TickCount64 + (long)_options.ReceiveIdleTimeout.TotalMilliseconds;
        TimeSpan pause = _options.MinPollingInterval;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await DrainBackgroundAsync().ConfigureAwait(false);
            ControlWorkItem? item = TryTakeControl(lease);
            if (item is not null)
            {
                return item;
            }

            if (await PollControlAsync(lease, cancellationToken).ConfigureAwait(false))
            {
                pause = _options.MinPollingInterval;
                continue;
            }

            long remaining = deadline - Environment.TickCount64;
            if (remaining <= 0)
            {
                return null;
            }

            await _controlSignal.WaitAsync(Min(pause, TimeSpan.FromMilliseconds(remaining)), cancellationToken).ConfigureAwait(false);
            pause = Min(pause * 2, _options.MaxPollingInterval);
        }
    }

    /// <inheritdoc/>
    public async Task CompleteControlWorkItemAsync(ControlWorkItem workItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        InstanceLock? held = GetLock(workItem);
        if (held is null)
        {
            return;
        }

        if (held.Messages.Count == 1)
        {
            await DeleteHeldAsync(held.Messages[0]).ConfigureAwait(false);
        }
        else
        {
            await Parallel.ForEachAsync(
                held.Messages,
                new ParallelOptions { MaxDegreeOfParallelism = RequestConcurrency },
                async (m, _) => await DeleteHeldAsync(m).ConfigureAwait(false)).ConfigureAwait(false);
        }

        Unlock(workItem.InstanceId, held);
    }

    /// <inheritdoc/>
    public async Task AbandonControlWorkItemAsync(ControlWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        InstanceLock? held = GetLock(workItem);
        if (held is null)
        {
            return;
        }

        DateTimeOffset visibleAt = _time.GetUtcNow() + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        foreach (LeasedMessage m in held.Messages)
        {
            await ReturnHeldAsync(m, visibleAt).ConfigureAwait(false);
        }

        Unlock(workItem.InstanceId, held);
    }

    private InstanceLock? GetLock(ControlWorkItem workItem)
    {
        lock (_controlGate)
        {
            return _locks.TryGetValue(workItem.InstanceId, out InstanceLock? held) && held.Token == workItem.LeaseToken ? held : null;
        }
    }

    private void Unlock(string instanceId, InstanceLock held)
    {
        held.ExpiryTimer?.Dispose();
        lock (_controlGate)
        {
            if (!_locks.TryGetValue(instanceId, out InstanceLock? current) || current != held)
            {
                return;
            }

            _locks.Remove(instanceId);
            MarkReady(instanceId);
        }

        _controlSignal.Pulse();
    }

    /// <summary>Takes the first ready instance that is not locked; locks it with all its buffered messages.</summary>
    private ControlWorkItem? TryTakeControl(TimeSpan lease)
    {
        InstanceLock held;
        string instanceId;
        lock (_controlGate)
        {
            while (true)
            {
                if (!_ready.TryDequeue(out string? id))
                {
                    return null;
                }

                _readySet.Remove(id);
                if (_locks.ContainsKey(id) || !_buffered.Remove(id, out List<LeasedMessage>? messages) || messages.Count == 0)
                {
                    continue;
                }

                foreach (LeasedMessage m in messages)
                {
                    m.ExpiryTimer?.Dispose();
                }

                instanceId = id;
                held = new InstanceLock(Guid.NewGuid().ToString("N"), messages[0].Partition, messages);
                _locks.Add(id, held);
                break;
            }
        }

        held.ExpiryTimer = StartTimer(lease, () => RunInBackground(() => ExpireLockAsync(instanceId, held)));
        return new ControlWorkItem(instanceId, [.. held.Messages.Select(m => m.ToBackendMessage())], held.Token);
    }

    /// <summary>The lease of a control work item ran out on the backend clock: its messages become visible again.</summary>
    private async Task ExpireLockAsync(string instanceId, InstanceLock held)
    {
        lock (_controlGate)
        {
            if (!_locks.TryGetValue(instanceId, out InstanceLock? current) || current != held)
            {
                return;
            }

            _locks.Remove(instanceId);
            MarkReady(instanceId);
        }

        foreach (LeasedMessage m in held.Messages)
        {
            await ReturnHeldAsync(m, _time.GetUtcNow()).ConfigureAwait(false);
        }
    }

    private void MarkReady(string instanceId)
    {
        if (_buffered.ContainsKey(instanceId) && _readySet.Add(instanceId))
        {
            _ready.Enqueue(instanceId);
        }
    }

    /// <summary>Receives one batch from each owned partition (round robin start). True when any message was buffered.</summary>
    private async Task<bool> PollControlAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        IReadOnlyList<int> owned = _partitions?.Owned ?? [];
        int start = Interlocked.Increment(ref _nextPartition);
        int[] order = [.. Enumerable.Range(0, owned.Count).Select(i => owned[(int)((uint)(start + i) % (uint)owned.Count)])];

        // One round trip for all owned partitions, not one after another: an idle poll costs the latency of one receive.
        IReadOnlyList<QueueMessage>[] batches = await Task.WhenAll(order.Select(p =>
            _controlQueues[p].ReceiveMessagesAsync(_options.ControlQueueBatchSize, RealLease(lease), cancellationToken))).ConfigureAwait(false);
        bool any = false;
        for (int i = 0; i < order.Length; i++)
        {
            foreach (QueueMessage message in batches[i])
            {
                any |= await BufferAsync(_controlQueues[order[i]], order[i], message, lease, cancellationToken).ConfigureAwait(false);
            }
        }

        return any;
    }

    private async Task<bool> BufferAsync(QueueClient queue, int partition, QueueMessage message, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (await OpenAsync(queue, message, cancellationToken).ConfigureAwait(false) is not { } opened)
        {
            return false;
        }

        (QueueEnvelope envelope, string body) = opened;
        if (envelope.VisibleAt > _time.GetUtcNow())
        {
            await RehideAsync(queue, message, envelope, cancellationToken).ConfigureAwait(false);
            return false;
        }

        string instanceId = envelope.InstanceId ?? throw new FormatException("Control message without instance id.");
        var held = new LeasedMessage
        {
            Token = Guid.NewGuid().ToString("N"),
            Queue = queue,
            LogicalQueue = instanceId,
            Partition = partition,
            MessageId = message.MessageId,
            Envelope = envelope,
            Body = body,
            DequeueCount = Math.Max(1, (int)message.DequeueCount - envelope.Early),
            PopReceipt = message.PopReceipt,
        };
        AddToBuffer(held, lease);
        return true;
    }

    private void AddToBuffer(LeasedMessage held, TimeSpan lease)
    {
        string instanceId = held.LogicalQueue;
        lock (_controlGate)
        {
            if (!_buffered.TryGetValue(instanceId, out List<LeasedMessage>? list))
            {
                list = [];
                _buffered.Add(instanceId, list);
            }

            list.RemoveAll(m => m.MessageId == held.MessageId);
            list.Add(held);
            if (!_locks.ContainsKey(instanceId))
            {
                MarkReady(instanceId);
            }
        }

        held.ExpiryTimer = StartTimer(lease, () => RunInBackground(() => ExpireBufferedAsync(held)));
    }

    /// <summary>A buffered (not yet handed out) message outlived its lease: drop it from the buffer and reveal it.</summary>
    private Task ExpireBufferedAsync(LeasedMessage held)
    {
        lock (_controlGate)
        {
            if (!_buffered.TryGetValue(held.LogicalQueue, out List<LeasedMessage>? list) || !list.Remove(held))
            {
                return Task.CompletedTask;
            }

            if (list.Count == 0)
            {
                _buffered.Remove(held.LogicalQueue);
            }
        }

        return ReturnHeldAsync(held, _time.GetUtcNow());
    }

    /// <summary>
    /// On dispose: buffered messages no episode took (polled, or handed off by activities that finished during a
    /// graceful stop) go back to their queues at once, instead of staying invisible until their lease ends.
    /// </summary>
    private async Task ReturnBufferedAsync()
    {
        List<LeasedMessage> all;
        lock (_controlGate)
        {
            all = [.. _buffered.Values.SelectMany(l => l)];
            _buffered.Clear();
        }

        try
        {
            await Parallel.ForEachAsync(
                all,
                new ParallelOptions { MaxDegreeOfParallelism = RequestConcurrency },
                async (m, _) => await ReturnHeldAsync(m, _time.GetUtcNow()).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Mage.Storage.StorageException ex)
        {
            // Best effort: the rest surface when their leases end.
            AzureStorageLogs.BackgroundFailed(_logger, ex);
        }
    }

    private bool CanReleasePartition(int partition)
    {
        lock (_controlGate)
        {
            return !_locks.Values.Any(l => l.Partition == partition);
        }
    }

    /// <summary>A partition was released or lost: buffered messages of it go back to the queue for the new owner.</summary>
    private void OnPartitionReleased(int partition)
    {
        var dropped = new List<LeasedMessage>();
        lock (_controlGate)
        {
            foreach ((string id, List<LeasedMessage> list) in _buffered.Where(kv => kv.Value.Count > 0 && kv.Value[0].Partition == partition).ToList())
            {
                dropped.AddRange(list);
                _buffered.Remove(id);
            }
        }

        foreach (LeasedMessage m in dropped)
        {
            RunInBackground(() => ReturnHeldAsync(m, _time.GetUtcNow()));
        }
    }
}
