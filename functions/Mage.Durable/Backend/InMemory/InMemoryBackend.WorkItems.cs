namespace Mage.Durable.Backend.InMemory;

/// <summary>Work-item queues: one FIFO of visible messages per queue name, plus leased messages by id.</summary>
public sealed partial class InMemoryBackend
{
    private readonly Dictionary<string, Queue<StoredMessage>> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredMessage> _workById = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task SendWorkItemAsync(string queue, string body, DateTimeOffset visibleAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            int copies = ShouldDuplicate(body) ? 2 : 1;
            DateTimeOffset now = _time.GetUtcNow();
            for (int i = 0; i < copies; i++)
            {
                var m = new StoredMessage(NewMessageId(), body, queue, visibleAt);
                _workById.Add(m.Id, m);
                if (visibleAt <= now)
                {
                    EnqueueVisible(m, now);
                }
                else
                {
                    AddDue(new DueItem(DueKind.WorkItemVisible, m, null, null), visibleAt);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<BackendMessage?> ReceiveWorkItemAsync(IReadOnlyList<string> queues, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        return ReceiveAsync(now => TryTakeWork(queues, lease, now), control: false, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> RenewWorkItemAsync(BackendMessage message, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            if (!_workById.TryGetValue(message.MessageId, out StoredMessage? m) || m.LeaseToken != message.LeaseToken)
            {
                return Task.FromResult(false);
            }

            m.LeaseExpiresAt = _time.GetUtcNow() + lease;
            AddDue(new DueItem(DueKind.WorkItemLeaseExpired, m, null, m.LeaseToken), m.LeaseExpiresAt);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public Task CompleteWorkItemAsync(BackendMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            if (_workById.TryGetValue(message.MessageId, out StoredMessage? m) && m.LeaseToken == message.LeaseToken)
            {
                m.Deleted = true;
                _workById.Remove(m.Id);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task AbandonWorkItemAsync(BackendMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            if (_workById.TryGetValue(message.MessageId, out StoredMessage? m) && m.LeaseToken == message.LeaseToken)
            {
                DateTimeOffset now = _time.GetUtcNow();
                m.LeaseToken = null;
                m.VisibleAt = now + delay;
                if (delay > TimeSpan.Zero)
                {
                    AddDue(new DueItem(DueKind.WorkItemVisible, m, null, null), m.VisibleAt);
                }
                else
                {
                    EnqueueVisible(m, now);
                }
            }
        }

        return Task.CompletedTask;
    }

    private BackendMessage? TryTakeWork(IReadOnlyList<string> queues, TimeSpan lease, DateTimeOffset now)
    {
        foreach (string name in queues)
        {
            if (!_queues.TryGetValue(name, out Queue<StoredMessage>? queue))
            {
                continue;
            }

            while (queue.TryDequeue(out StoredMessage? m))
            {
                m.Queued = false;
                if (m.Deleted || m.LeaseToken is not null || m.VisibleAt > now)
                {
                    continue;
                }

                m.LeaseToken = NewMessageId();
                m.LeaseExpiresAt = now + lease;
                m.DequeueCount++;
                AddDue(new DueItem(DueKind.WorkItemLeaseExpired, m, null, m.LeaseToken), m.LeaseExpiresAt);
                return m.ToBackendMessage();
            }
        }

        return null;
    }

    private void EnqueueVisible(StoredMessage m, DateTimeOffset now)
    {
        if (m.Deleted || m.Queued || m.LeaseToken is not null || m.VisibleAt > now)
        {
            return;
        }

        if (!_queues.TryGetValue(m.Queue, out Queue<StoredMessage>? queue))
        {
            queue = new Queue<StoredMessage>();
            _queues.Add(m.Queue, queue);
        }

        m.Queued = true;
        queue.Enqueue(m);
        PulseWork();
    }

    private void ExpireWorkLease(StoredMessage m, string token, DateTimeOffset now)
    {
        if (!m.Deleted && m.LeaseToken == token && m.LeaseExpiresAt <= now)
        {
            m.LeaseToken = null;
            EnqueueVisible(m, now);
        }
    }
}
