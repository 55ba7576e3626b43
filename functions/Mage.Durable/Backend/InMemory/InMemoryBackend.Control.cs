namespace Mage.Durable.Backend.InMemory;

/// <summary>Control messages: per-instance lists, a ready queue of instance ids and instance locks.</summary>
public sealed partial class InMemoryBackend
{
    private readonly Dictionary<string, InstanceControl> _control = new(StringComparer.Ordinal);
    private readonly Queue<string> _ready = new();

    /// <inheritdoc/>
    public Task SendControlMessageAsync(string instanceId, string body, DateTimeOffset visibleAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            int copies = ShouldDuplicate(body) ? 2 : 1;
            for (int i = 0; i < copies; i++)
            {
                if (!_control.TryGetValue(instanceId, out InstanceControl? ic))
                {
                    ic = new InstanceControl();
                    _control.Add(instanceId, ic);
                }

                ic.Messages.Add(new StoredMessage(NewMessageId(), body, instanceId, visibleAt));
                if (visibleAt <= _time.GetUtcNow())
                {
                    Hint(instanceId);
                }
                else
                {
                    AddDue(new DueItem(DueKind.ControlMessageVisible, null, instanceId, null), visibleAt);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<ControlWorkItem?> ReceiveControlWorkItemAsync(TimeSpan lease, CancellationToken cancellationToken) =>
        ReceiveAsync(now => TryTakeControl(lease, now), control: true, cancellationToken);

    /// <inheritdoc/>
    public Task CompleteControlWorkItemAsync(ControlWorkItem workItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        lock (_gate)
        {
            if (_control.TryGetValue(workItem.InstanceId, out InstanceControl? ic))
            {
                ic.Messages.RemoveAll(m => m.LeaseToken == workItem.LeaseToken);
                Release(workItem.InstanceId, ic, workItem.LeaseToken);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task AbandonControlWorkItemAsync(ControlWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        lock (_gate)
        {
            if (_control.TryGetValue(workItem.InstanceId, out InstanceControl? ic))
            {
                DateTimeOffset visibleAt = _time.GetUtcNow() + delay;
                foreach (StoredMessage m in ic.Messages)
                {
                    if (m.LeaseToken == workItem.LeaseToken)
                    {
                        m.LeaseToken = null;
                        m.VisibleAt = visibleAt;
                    }
                }

                if (delay > TimeSpan.Zero)
                {
                    AddDue(new DueItem(DueKind.ControlMessageVisible, null, workItem.InstanceId, null), visibleAt);
                }

                Release(workItem.InstanceId, ic, workItem.LeaseToken);
            }
        }

        return Task.CompletedTask;
    }

    private ControlWorkItem? TryTakeControl(TimeSpan lease, DateTimeOffset now)
    {
        // Each id is looked at once per call; locked or empty ones are re-hinted when released or due.
        for (int n = _ready.Count; n > 0 && _ready.TryDequeue(out string? id); n--)
        {
            if (!_control.TryGetValue(id, out InstanceControl? ic))
            {
                continue;
            }

            ic.Hinted = false;
            if (ic.LockToken is not null)
            {
                continue;
            }

            string token = NewMessageId();
            List<BackendMessage>? taken = null;
            foreach (StoredMessage m in ic.Messages)
            {
                if (m.LeaseToken is null && m.VisibleAt <= now)
                {
                    m.LeaseToken = token;
                    m.DequeueCount++;
                    (taken ??= []).Add(m.ToBackendMessage());
                }
            }

            if (taken is null)
            {
                continue;
            }

            ic.LockToken = token;
            ic.LockExpiresAt = now + lease;
            AddDue(new DueItem(DueKind.ControlLockExpired, null, id, token), ic.LockExpiresAt);
            return new ControlWorkItem(id, taken, token);
        }

        return null;
    }

    private void Hint(string instanceId)
    {
        if (_control.TryGetValue(instanceId, out InstanceControl? ic) && !ic.Hinted)
        {
            ic.Hinted = true;
            _ready.Enqueue(instanceId);
            PulseControl();
        }
    }

    private void Release(string instanceId, InstanceControl ic, string token)
    {
        if (ic.LockToken != token)
        {
            return;
        }

        ic.LockToken = null;
        if (ic.Messages.Count == 0)
        {
            _control.Remove(instanceId);
        }
        else
        {
            Hint(instanceId);
        }
    }

    private void ExpireControlLock(string instanceId, string token, DateTimeOffset now)
    {
        if (_control.TryGetValue(instanceId, out InstanceControl? ic) && ic.LockToken == token && ic.LockExpiresAt <= now)
        {
            foreach (StoredMessage m in ic.Messages)
            {
                if (m.LeaseToken == token)
                {
                    m.LeaseToken = null;
                }
            }

            Release(instanceId, ic, token);
        }
    }
}
