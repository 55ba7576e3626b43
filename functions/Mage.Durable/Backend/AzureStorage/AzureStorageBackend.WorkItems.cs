using System.Collections.Concurrent;
using Mage.Durable.History;
using Mage.Storage;
using Mage.Storage.Queues;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>Activity work items on <c>&lt;hub&gt;-workitems</c> and affinity queues; leases are queue visibility.</summary>
public sealed partial class AzureStorageBackend
{
    private readonly WakeSignal _workSignal = new();
    private readonly ConcurrentDictionary<string, LeasedMessage> _heldWork = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public async Task SendWorkItemAsync(string queue, string body, DateTimeOffset visibleAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        ArgumentNullException.ThrowIfNull(body);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        QueueClient client = await GetWorkQueueAsync(queue, cancellationToken).ConfigureAwait(false);
        QueueEnvelope envelope = await WrapAsync(null, PayloadOwnerOf(body), body, visibleAt, cancellationToken).ConfigureAwait(false);
        await SendAsync(client, envelope, body, cancellationToken).ConfigureAwait(false);
        _workSignal.Pulse();
    }

    /// <inheritdoc/>
    /// <remarks>Receives one message at a time, trying the queues in order; null after the idle timeout.</remarks>
    public async Task<BackendMessage?> ReceiveWorkItemAsync(IReadOnlyList<string> queues, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        long deadline = Environment.TickCount64 + (long)_options.ReceiveIdleTimeout.TotalMilliseconds;
        TimeSpan pause = _options.MinPollingInterval;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await DrainBackgroundAsync().ConfigureAwait(false);
            bool sawAny = false;
            foreach (string name in queues)
            {
                QueueClient queue = await GetWorkQueueAsync(name, cancellationToken).ConfigureAwait(false);
                IReadOnlyList<QueueMessage> received = await queue.ReceiveMessagesAsync(1, RealLease(lease), cancellationToken).ConfigureAwait(false);
                foreach (QueueMessage message in received)
                {
                    sawAny = true;
                    if (await TakeWorkAsync(queue, name, message, lease, cancellationToken).ConfigureAwait(false) is { } taken)
                    {
                        return taken;
                    }
                }
            }

            if (sawAny)
            {
                pause = _options.MinPollingInterval;
                continue;
            }

            long remaining = deadline - Environment.TickCount64;
            if (remaining <= 0)
            {
                return null;
            }

            await _workSignal.WaitAsync(Min(pause, TimeSpan.FromMilliseconds(remaining)), cancellationToken).ConfigureAwait(false);
            pause = Min(pause * 2, _options.MaxPollingInterval);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Extends the message's queue visibility (heartbeat), so no other worker receives it meanwhile.</remarks>
    public async Task<bool> RenewWorkItemAsync(BackendMessage message, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_heldWork.TryGetValue(message.LeaseToken, out LeasedMessage? held))
        {
            return false;
        }

        string popReceipt;
        lock (held.Gate)
        {
            if (held.Released)
            {
                return false;
            }

            popReceipt = held.PopReceipt;
        }

        try
        {
            UpdateReceipt receipt = await held.Queue.UpdateMessageAsync(held.MessageId, popReceipt, RealLease(lease), null, cancellationToken).ConfigureAwait(false);
            lock (held.Gate)
            {
                if (held.Released)
                {
                    return false;
                }

                held.PopReceipt = receipt.PopReceipt;
                held.ExpiryTimer?.Dispose();
                held.ExpiryTimer = StartTimer(lease, () => RunInBackground(() => ExpireWorkAsync(held)));
            }

            return true;
        }
        catch (StorageException ex) when (IsLostLease(ex))
        {
            _heldWork.TryRemove(held.Token, out _);
            AzureStorageLogs.LeaseLost(_logger, held.MessageId, held.Queue.Name, "renew");
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task CompleteWorkItemAsync(BackendMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_heldWork.TryRemove(message.LeaseToken, out LeasedMessage? held))
        {
            await DeleteHeldAsync(held).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task AbandonWorkItemAsync(BackendMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_heldWork.TryRemove(message.LeaseToken, out LeasedMessage? held))
        {
            await ReturnHeldAsync(held, _time.GetUtcNow() + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay)).ConfigureAwait(false);
        }
    }

    private static string PayloadOwnerOf(string body)
    {
        try
        {
            return DurableSerializer.DeserializeActivityMessage(body).InstanceId;
        }
        catch (System.Text.Json.JsonException)
        {
            return "_workitems";
        }
        catch (NotSupportedException)
        {
            return "_workitems";
        }
    }

    private async Task<BackendMessage?> TakeWorkAsync(QueueClient queue, string name, QueueMessage message, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (await OpenAsync(queue, message, cancellationToken).ConfigureAwait(false) is not { } opened)
        {
            return null;
        }

        (QueueEnvelope envelope, string body) = opened;
        if (envelope.VisibleAt > _time.GetUtcNow())
        {
            await RehideAsync(queue, message, envelope, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var held = new LeasedMessage
        {
            Token = Guid.NewGuid().ToString("N"),
            Queue = queue,
            LogicalQueue = name,
            Partition = -1,
            MessageId = message.MessageId,
            Envelope = envelope,
            Body = body,
            DequeueCount = Math.Max(1, (int)message.DequeueCount - envelope.Early),
            PopReceipt = message.PopReceipt,
        };
        _heldWork[held.Token] = held;
        lock (held.Gate)
        {
            held.ExpiryTimer = StartTimer(lease, () => RunInBackground(() => ExpireWorkAsync(held)));
        }

        return held.ToBackendMessage();
    }

    /// <summary>The work item's lease ran out on the backend clock: forget it (renew now fails) and reveal it.</summary>
    private Task ExpireWorkAsync(LeasedMessage held)
    {
        if (!_heldWork.TryRemove(new KeyValuePair<string, LeasedMessage>(held.Token, held)))
        {
            return Task.CompletedTask;
        }

        return ReturnHeldAsync(held, _time.GetUtcNow());
    }
}
