using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Mage.Storage.Queues;

/// <summary>
/// One storage queue. Messages are opaque strings (XML-escaped on the wire, not base64). Delivery is
/// at-least-once: a message whose visibility timeout lapses before deletion is delivered again with a
/// higher DequeueCount. Thread-safe and cheap; share it.
/// </summary>
public sealed class QueueClient
{
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);
    private readonly StorageService _service;
    private readonly string _path;

    internal QueueClient(StorageService service, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length is < 3 or > 63 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Queue name '{name}' must be 3-63 lowercase letters, digits and single hyphens.", nameof(name));
        }
        _service = service;
        Name = name;
        _path = name;
    }

    /// <summary>The queue name.</summary>
    public string Name { get; }

    /// <summary>Creates the queue if missing; returns true when this call created it. Idempotent.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(
            _service.CreateMessage(RequestMethod.Put, _path), "Create queue", cancellationToken, 409).ConfigureAwait(false);
        return r.Status == 201;
    }

    /// <summary>Deletes the queue and its messages; returns false when it was missing. Idempotent.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(
            _service.CreateMessage(RequestMethod.Delete, _path), "Delete queue", cancellationToken, 404).ConfigureAwait(false);
        return r.Status != 404;
    }

    /// <summary>
    /// Puts a message. <paramref name="visibilityDelay"/> (0..7 days) hides it initially;
    /// <paramref name="timeToLive"/> defaults to 7 days, <see cref="Timeout.InfiniteTimeSpan"/> = never expires.
    /// Throws <see cref="ArgumentException"/> before sending when the escaped text exceeds 64 KiB.
    /// Not idempotent: a retry after a lost response can enqueue twice (consumers must tolerate duplicates).
    /// </summary>
    public async Task<SendReceipt> SendMessageAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] body = QueueXml.MessageBody(text);
        if (QueueXml.EncodedTextLength(body) > QueueXml.MaxMessageBytes)
        {
            throw new ArgumentException($"The queue message is {QueueXml.EncodedTextLength(body)} bytes once XML-escaped; the limit is {QueueXml.MaxMessageBytes} (64 KiB). Store large payloads in a blob.", nameof(text));
        }
        string? ttl = timeToLive switch
        {
            null => null,
            { } t when t == Timeout.InfiniteTimeSpan => "-1",
            { } t when t > TimeSpan.Zero => Seconds(t),
            _ => throw new ArgumentOutOfRangeException(nameof(timeToLive), "timeToLive must be positive or infinite."),
        };
        if (visibilityDelay is { } delay && (delay < TimeSpan.Zero || delay > MaxVisibility))
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityDelay), "visibilityDelay must be 0..7 days.");
        }
        using HttpMessage message = _service.CreateMessage(RequestMethod.Post, _path + "/messages",
            ("visibilitytimeout", visibilityDelay is { } v ? Seconds(v) : null), ("messagettl", ttl));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(body);
        Response response = await _service.SendAsync(message, "Put message", cancellationToken).ConfigureAwait(false);
        XElement m = QueueXml.Messages(response.ContentStream!).Single();
        return new SendReceipt(QueueXml.Text(m, "MessageId"), QueueXml.Text(m, "PopReceipt"),
            QueueXml.Date(m, "InsertionTime"), QueueXml.Date(m, "ExpirationTime"), QueueXml.Date(m, "TimeNextVisible"));
    }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> (1..32) messages, hiding them for
    /// <paramref name="visibilityTimeout"/> (default 30 s, 1 s..7 days). Returns an empty list when none are visible.
    /// </summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        if (visibilityTimeout is { } vt && (vt < TimeSpan.FromSeconds(1) || vt > MaxVisibility))
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), "visibilityTimeout must be 1 s..7 days.");
        }
        using HttpMessage message = _service.CreateMessage(RequestMethod.Get, _path + "/messages",
            ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)),
            ("visibilitytimeout", visibilityTimeout is { } v ? Seconds(v) : null));
        Response response = await _service.SendAsync(message, "Get messages", cancellationToken).ConfigureAwait(false);
        return QueueXml.Messages(response.ContentStream!).Select(m => new QueueMessage(
            QueueXml.Text(m, "MessageId"), QueueXml.Text(m, "PopReceipt"), QueueXml.Long(m, "DequeueCount"),
            QueueXml.Date(m, "InsertionTime"), QueueXml.Date(m, "ExpirationTime"), QueueXml.Date(m, "TimeNextVisible"),
            QueueXml.Text(m, "MessageText"))).ToList();
    }

    /// <summary>Returns up to <paramref name="maxMessages"/> (1..32) visible messages without hiding them.</summary>
    public async Task<IReadOnlyList<PeekedQueueMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        using HttpMessage message = _service.CreateMessage(RequestMethod.Get, _path + "/messages",
            ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)), ("peekonly", "true"));
        Response response = await _service.SendAsync(message, "Peek messages", cancellationToken).ConfigureAwait(false);
        return QueueXml.Messages(response.ContentStream!).Select(m => new PeekedQueueMessage(
            QueueXml.Text(m, "MessageId"), QueueXml.Long(m, "DequeueCount"),
            QueueXml.Date(m, "InsertionTime"), QueueXml.Date(m, "ExpirationTime"), QueueXml.Text(m, "MessageText"))).ToList();
    }

    /// <summary>
    /// Deletes a received message. Throws <see cref="StorageNotFoundException"/> (MessageNotFound) when the message is
    /// gone, and <see cref="StorageException"/> with status 400 and ErrorCode <c>PopReceiptMismatch</c> when the pop receipt
    /// is stale (the message was updated or re-received after our visibility timeout lapsed): either way we no longer own it.
    /// </summary>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        await _service.SendAndDisposeAsync(
            _service.CreateMessage(RequestMethod.Delete, _path + "/messages/" + Uri.EscapeDataString(messageId), ("popreceipt", popReceipt)),
            "Delete message", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Extends (heartbeat) or shortens a received message's invisibility to <paramref name="visibilityTimeout"/>
    /// from now (0..7 days), optionally replacing its text. Returns the new pop receipt, which replaces the old one.
    /// </summary>
    public async Task<UpdateReceipt> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? newText = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > MaxVisibility)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), "visibilityTimeout must be 0..7 days.");
        }
        HttpMessage message = _service.CreateMessage(RequestMethod.Put, _path + "/messages/" + Uri.EscapeDataString(messageId),
            ("popreceipt", popReceipt), ("visibilitytimeout", Seconds(visibilityTimeout)));
        if (newText is not null)
        {
            byte[] body = QueueXml.MessageBody(newText);
            if (QueueXml.EncodedTextLength(body) > QueueXml.MaxMessageBytes)
            {
                message.Dispose();
                throw new ArgumentException($"The queue message exceeds {QueueXml.MaxMessageBytes} bytes once XML-escaped.", nameof(newText));
            }
            message.Request.Headers.SetValue("Content-Type", "application/xml");
            message.Request.Content = RequestContent.Create(body);
        }
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(message, "Update message", cancellationToken).ConfigureAwait(false);
        return new UpdateReceipt(r.Get("x-ms-popreceipt") ?? "", r.GetDate("x-ms-time-next-visible"));
    }

    /// <summary>The approximate number of messages (visible and invisible); may lag behind recent changes.</summary>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(
            _service.CreateMessage(RequestMethod.Get, _path, ("comp", "metadata")), "Get queue metadata", cancellationToken).ConfigureAwait(false);
        return int.TryParse(r.Get("x-ms-approximate-messages-count"), CultureInfo.InvariantCulture, out int count) ? count : 0;
    }

    /// <summary>Deletes every message in the queue. Idempotent.</summary>
    public async Task ClearMessagesAsync(CancellationToken cancellationToken = default) =>
        await _service.SendAndDisposeAsync(_service.CreateMessage(RequestMethod.Delete, _path + "/messages"), "Clear messages", cancellationToken).ConfigureAwait(false);

    private static string Seconds(TimeSpan t) => ((long)Math.Ceiling(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
