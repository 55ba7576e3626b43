using System.Collections.Concurrent;
using System.Text;
using Mage.Storage;
using Mage.Storage.Queues;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>Queue plumbing shared by control messages and work items: envelopes, due times, leases and timers.</summary>
public sealed partial class AzureStorageBackend
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _workQueues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<LeasedMessage, byte> _pendingReveals = new();
    private readonly ConcurrentDictionary<ITimer, byte> _timers = new();
    private readonly ConcurrentDictionary<Task, byte> _background = new();

    private static bool IsLostLease(StorageException ex) => ex.Status is 400 or 404;

    /// <summary>Real visibility for a message due at <paramref name="visibleAt"/> on the backend clock, capped (chaining).</summary>
    private TimeSpan RealDelay(DateTimeOffset visibleAt)
    {
        TimeSpan delay = visibleAt - _time.GetUtcNow();
        TimeSpan cap = Min(_options.MaxVisibilityDelay, MaxQueueVisibility);
        return delay <= TimeSpan.Zero ? TimeSpan.Zero : Min(delay, cap);
    }

    private static TimeSpan RealLease(TimeSpan lease) => lease <= TimeSpan.Zero ? TimeSpan.Zero : Min(lease, MaxQueueVisibility);

    private async Task<QueueEnvelope> WrapAsync(string? instanceId, string payloadOwner, string body, DateTimeOffset visibleAt, CancellationToken cancellationToken)
    {
        var envelope = new QueueEnvelope { VisibleAtMs = visibleAt.ToUnixTimeMilliseconds(), InstanceId = instanceId };
        if (Encoding.UTF8.GetByteCount(body) <= _options.MaxQueuePayloadBytes)
        {
            return envelope with { Body = body };
        }

        string blob = await _payloads.PutAsync(payloadOwner, body, cancellationToken).ConfigureAwait(false);
        return envelope with { BlobName = blob };
    }

    private async Task SendAsync(QueueClient queue, QueueEnvelope envelope, string body, CancellationToken cancellationToken)
    {
        if (_options.DuplicateWhen?.Invoke(body) == true)
        {
            await SendOnceAsync(queue, envelope, cancellationToken).ConfigureAwait(false);
        }

        await SendOnceAsync(queue, envelope, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendOnceAsync(QueueClient queue, QueueEnvelope envelope, CancellationToken cancellationToken)
    {
        SendReceipt receipt = await queue.SendMessageAsync(envelope.ToText(), RealDelay(envelope.VisibleAt), Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        ArmReveal(queue, receipt.MessageId, receipt.PopReceipt, envelope.VisibleAt);
    }

    /// <summary>
    /// With a non-system clock, makes a hidden message visible as soon as the clock reaches its due time
    /// (real visibility would only follow real time). A stale pop receipt means someone else holds it: nothing to do.
    /// </summary>
    private void ArmReveal(QueueClient queue, string messageId, string popReceipt, DateTimeOffset visibleAt)
    {
        TimeSpan due = visibleAt - _time.GetUtcNow();
        if (!_customClock || due <= TimeSpan.Zero)
        {
            return;
        }

        var target = new LeasedMessage
        {
            Token = "", Queue = queue, LogicalQueue = queue.Name, Partition = -1, MessageId = messageId,
            Envelope = new QueueEnvelope(), Body = "", DequeueCount = 0, PopReceipt = popReceipt,
        };
        _pendingReveals.TryAdd(target, 0);
        target.ExpiryTimer = StartTimer(due, () =>
        {
            _pendingReveals.TryRemove(target, out _);
            RunInBackground(() => RevealAsync(target));
        });
    }

    /// <summary>Makes a held message visible again now (lease expiry, abandon, partition release).</summary>
    private async Task RevealAsync(LeasedMessage message)
    {
        string popReceipt;
        lock (message.Gate)
        {
            popReceipt = message.PopReceipt;
        }

        try
        {
            await message.Queue.UpdateMessageAsync(message.MessageId, popReceipt, TimeSpan.Zero, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StorageException ex) when (IsLostLease(ex))
        {
            AzureStorageLogs.LeaseLost(_logger, message.MessageId, message.Queue.Name, "reveal");
        }

        _controlSignal.Pulse();
        _workSignal.Pulse();
    }

    /// <summary>A message surfaced before its due time: hide it again for the remaining time (chained delays).</summary>
    private async Task RehideAsync(QueueClient queue, QueueMessage message, QueueEnvelope envelope, CancellationToken cancellationToken)
    {
        QueueEnvelope next = envelope with { Early = envelope.Early + 1 };
        try
        {
            UpdateReceipt receipt = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, RealDelay(envelope.VisibleAt), next.ToText(), cancellationToken).ConfigureAwait(false);
            ArmReveal(queue, message.MessageId, receipt.PopReceipt, envelope.VisibleAt);
        }
        catch (StorageException ex) when (IsLostLease(ex))
        {
            AzureStorageLogs.LeaseLost(_logger, message.MessageId, queue.Name, "rehide");
        }
    }

    /// <summary>Parses a received message; unreadable ones are deleted (poison) and yield null.</summary>
    private async Task<(QueueEnvelope Envelope, string Body)?> OpenAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            QueueEnvelope envelope = QueueEnvelope.Parse(message.Text);
            string body = envelope.Body
                ?? await _payloads.GetAsync(envelope.BlobName ?? throw new FormatException("Envelope without body."), cancellationToken).ConfigureAwait(false);
            return (envelope, body);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or StorageNotFoundException)
        {
            AzureStorageLogs.PoisonMessage(_logger, message.MessageId, queue.Name, ex);
            await DeleteQuietlyAsync(queue, message.MessageId, message.PopReceipt).ConfigureAwait(false);
            return null;
        }
    }

    private async Task DeleteQuietlyAsync(QueueClient queue, string messageId, string popReceipt)
    {
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StorageException ex) when (IsLostLease(ex))
        {
            AzureStorageLogs.LeaseLost(_logger, messageId, queue.Name, "delete");
        }
    }

    /// <summary>Deletes a held message with its latest pop receipt, unless it was released already.</summary>
    private async Task DeleteHeldAsync(LeasedMessage message)
    {
        string popReceipt;
        lock (message.Gate)
        {
            if (message.Released)
            {
                return;
            }

            message.Released = true;
            message.ExpiryTimer?.Dispose();
            popReceipt = message.PopReceipt;
        }

        await DeleteQuietlyAsync(message.Queue, message.MessageId, popReceipt).ConfigureAwait(false);
    }

    /// <summary>Hides a held message until <paramref name="visibleAt"/> and lets go of it.</summary>
    private async Task ReturnHeldAsync(LeasedMessage message, DateTimeOffset visibleAt)
    {
        string popReceipt;
        lock (message.Gate)
        {
            if (message.Released)
            {
                return;
            }

            message.Released = true;
            message.ExpiryTimer?.Dispose();
            popReceipt = message.PopReceipt;
        }

        bool delayed = visibleAt > _time.GetUtcNow();
        string? text = delayed ? (message.Envelope with { VisibleAtMs = visibleAt.ToUnixTimeMilliseconds() }).ToText() : null;
        try
        {
            UpdateReceipt receipt = await message.Queue.UpdateMessageAsync(message.MessageId, popReceipt, RealDelay(visibleAt), text, CancellationToken.None).ConfigureAwait(false);
            if (delayed)
            {
                ArmReveal(message.Queue, message.MessageId, receipt.PopReceipt, visibleAt);
            }
        }
        catch (StorageException ex) when (IsLostLease(ex))
        {
            AzureStorageLogs.LeaseLost(_logger, message.MessageId, message.Queue.Name, "abandon");
        }

        _controlSignal.Pulse();
        _workSignal.Pulse();
    }

    private ITimer StartTimer(TimeSpan due, Action callback)
    {
        ITimer? timer = null;
        timer = _time.CreateTimer(
            state =>
            {
                if (timer is not null)
                {
                    _timers.TryRemove(timer, out _);
                    timer.Dispose();
                }

                if (!_disposing.IsCancellationRequested)
                {
                    callback();
                }
            },
            null,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        _timers.TryAdd(timer, 0);
        timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        return timer;
    }

    private void DisposeTimers()
    {
        foreach (ITimer timer in _timers.Keys)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>Runs storage work started by a timer; receivers wait for it so a clock advance is applied before they poll.</summary>
    private void RunInBackground(Func<Task> work)
    {
        Task task = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Background work is best effort; leases expire on their own.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                AzureStorageLogs.BackgroundFailed(_logger, ex);
            }
        });
        _background.TryAdd(task, 0);
        _ = task.ContinueWith(t => _background.TryRemove(t, out byte _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for timer-started reveals and releases, so a receive after a clock advance sees their effect.</summary>
    private async Task DrainBackgroundAsync()
    {
        Task[] pending = [.. _background.Keys];
        if (pending.Length > 0)
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    private async Task<QueueClient> GetWorkQueueAsync(string logicalName, CancellationToken cancellationToken)
    {
        Lazy<Task<QueueClient>> lazy = _workQueues.GetOrAdd(logicalName, name => new Lazy<Task<QueueClient>>(() => CreateWorkQueueAsync(name)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException)
        {
            _workQueues.TryRemove(new KeyValuePair<string, Lazy<Task<QueueClient>>>(logicalName, lazy));
            throw;
        }
    }

    private async Task<QueueClient> CreateWorkQueueAsync(string logicalName)
    {
        QueueClient queue = _account.GetQueue(PhysicalQueueName(logicalName));
        try
        {
            await queue.CreateIfNotExistsAsync(_disposing.Token).ConfigureAwait(false);
        }
        catch (StorageException ex) when (ex.Kind == StorageErrorKind.Conflict)
        {
            // Created concurrently by another worker.
        }

        return queue;
    }

    /// <summary><c>&lt;hub&gt;-workitems</c> for the shared queue, else <c>&lt;hub&gt;-{name}</c> made a valid queue name.</summary>
    private string PhysicalQueueName(string logicalName)
    {
        if (logicalName == _options.SharedWorkItemQueue)
        {
            return _hub + "-workitems";
        }

        var sb = new StringBuilder(_hub.Length + logicalName.Length + 1).Append(_hub).Append('-');
        foreach (char c in logicalName.ToLowerInvariant())
        {
            char d = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (d != '-' || sb[^1] != '-')
            {
                sb.Append(d);
            }
        }

        string name = sb.ToString().TrimEnd('-');
        if (name.Length > 63)
        {
            string hash = PartitionHash.Fnv1a(logicalName).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            name = name[..(63 - 9)].TrimEnd('-') + "-" + hash;
        }

        return name;
    }
}
