using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Mage.Storage;

namespace Mage.Webhooks;

/// <summary>
/// Deliveries and their attempts in <c>{hub}WebhookDeliveries</c> (PartitionKey = service, RowKey =
/// <c>{webhook id}_{event id}</c>), and the outbox <c>{hub}WebhookOutbox</c> that lists the ones still
/// to be attempted, with their claims. Thread-safe singleton.
/// </summary>
/// <remarks>
/// A delivery row is always written before its outbox row, so an outbox row never points at
/// nothing. Both inserts tolerate "already exists", which makes recording an event idempotent.
/// Claims are ETag-guarded updates of the outbox row: of two instances, only one wins.
/// </remarks>
public sealed class WebhookDeliveryStore(WebhookStorage storage)
{
    /// <summary>The outbox's one partition: it holds only unfinished deliveries, so it stays small.</summary>
    public const string OutboxPartition = "outbox";

    /// <summary>Most attempts kept per delivery (the oldest are dropped first).</summary>
    public const int MaxAttemptsKept = 50;

    /// <summary>Most deliveries a listing returns.</summary>
    public const int MaxListed = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Records an event for one subscription, due at <paramref name="now"/>. Idempotent: recording the
    /// same event again changes nothing. Returns false when it was already recorded.
    /// </summary>
    public async Task<bool> EnqueueAsync(WebhookSubscription subscription, string eventId, string eventType, string buildId, int sequence, byte[] body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var delivery = new TableEntity(subscription.Service, DeliveryKey(subscription.Id, eventId))
        {
            ["WebhookId"] = subscription.Id,
            ["EventId"] = eventId,
            ["EventType"] = eventType,
            ["BuildId"] = buildId,
            ["Sequence"] = sequence,
            ["Body"] = Encoding.UTF8.GetString(body),
            ["State"] = WebhookDeliveryState.Pending,
            ["CreatedAt"] = now,
            ["NextAttemptAt"] = now,
            ["AttemptCount"] = 0,
            ["Attempts"] = "[]",
        };
        var added = await TryAddAsync(storage.Deliveries, delivery, cancellationToken).ConfigureAwait(false);
        var outbox = new TableEntity(OutboxPartition, OutboxKey(subscription.Id, buildId, sequence))
        {
            ["Service"] = subscription.Service,
            ["WebhookId"] = subscription.Id,
            ["DeliveryId"] = eventId,
            ["BuildId"] = buildId,
            ["NextAttemptAt"] = now,
            ["ClaimedUntil"] = DateTimeOffset.UnixEpoch,
        };

        // Even when the delivery existed, the outbox row may be missing (a crash between the two writes).
        if (added || await storage.Deliveries.GetEntityOrNullAsync(subscription.Service, delivery.RowKey, ["State"], cancellationToken).ConfigureAwait(false) is { } existing
            && existing.GetString("State") == WebhookDeliveryState.Pending)
        {
            await TryAddAsync(storage.Outbox, outbox, cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>The deliveries of one subscription, newest first (at most <see cref="MaxListed"/>).</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(string service, string webhookId, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {service} and RowKey ge {webhookId + "_"} and RowKey lt {webhookId + "`"}");
        var list = new List<WebhookDelivery>();
        await foreach (var entity in storage.Deliveries.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToDelivery(entity));
        }

        return [.. list.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id, StringComparer.Ordinal).Take(MaxListed)];
    }

    /// <summary>One delivery, or null.</summary>
    public async Task<WebhookDelivery?> GetAsync(string service, string webhookId, string deliveryId, CancellationToken cancellationToken) =>
        await GetEntityAsync(service, webhookId, deliveryId, cancellationToken).ConfigureAwait(false) is { } entity ? ToDelivery(entity) : null;

    /// <summary>
    /// Sends a delivery again from the start of the retry schedule, with the same id and body; its
    /// earlier attempts stay in the record. Returns the delivery, or null when it does not exist.
    /// </summary>
    public async Task<WebhookDelivery?> RedeliverAsync(string service, string webhookId, string deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await GetEntityAsync(service, webhookId, deliveryId, cancellationToken).ConfigureAwait(false) is not { } entity)
        {
            return null;
        }

        var update = new TableEntity(service, entity.RowKey)
        {
            ["State"] = WebhookDeliveryState.Pending,
            ["NextAttemptAt"] = now,
            ["AttemptCount"] = 0,
        };
        await storage.Deliveries.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);

        // Unconditional: a redelivery replaces any claim or schedule the row had.
        var buildId = entity.GetString("BuildId") ?? "";
        var sequence = OutboxSequenceOf(entity);
        await storage.Outbox.UpsertEntityAsync(new TableEntity(OutboxPartition, OutboxKey(webhookId, buildId, sequence))
        {
            ["Service"] = service,
            ["WebhookId"] = webhookId,
            ["DeliveryId"] = deliveryId,
            ["BuildId"] = buildId,
            ["NextAttemptAt"] = now,
            ["ClaimedUntil"] = DateTimeOffset.UnixEpoch,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return ToDelivery(entity) with { State = WebhookDeliveryState.Pending, NextAttemptAt = now };
    }

    /// <summary>Outbox rows due at <paramref name="now"/> and not claimed, in key order (a build's events in life order).</summary>
    public async Task<IReadOnlyList<WebhookOutboxItem>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OutboxPartition} and NextAttemptAt le {now} and ClaimedUntil le {now}");
        var page = await storage.Outbox.QueryPageAsync(filter, max, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. page.Items.Select(ToOutboxItem).OrderBy(i => i.RowKey, StringComparer.Ordinal)];
    }

    /// <summary>True when an earlier event of the same build for the same subscription is still unfinished.</summary>
    public async Task<bool> HasEarlierPendingAsync(WebhookOutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OutboxPartition} and RowKey ge {item.GroupPrefix} and RowKey lt {item.RowKey}");
        var page = await storage.Outbox.QueryPageAsync(filter, 1, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return page.Items.Count > 0;
    }

    /// <summary>Claims an outbox row until <paramref name="until"/>; returns the claim's ETag, or null when another instance changed it first.</summary>
    public async Task<ETag?> TryClaimAsync(WebhookOutboxItem item, string owner, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var claim = new TableEntity(OutboxPartition, item.RowKey) { ["ClaimedUntil"] = until, ["ClaimedBy"] = owner };
        try
        {
            return (await storage.Outbox.UpdateEntityAsync(claim, item.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false)).Headers.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>The delivery row behind an outbox row (null when missing), with its attempt count and body.</summary>
    public async Task<(WebhookDelivery Delivery, int AttemptCount, byte[] Body)?> GetForAttemptAsync(WebhookOutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await GetEntityAsync(item.Service, item.WebhookId, item.DeliveryId, cancellationToken).ConfigureAwait(false) is not { } entity)
        {
            return null;
        }

        return (ToDelivery(entity), entity.GetInt32("AttemptCount") ?? 0, Encoding.UTF8.GetBytes(entity.GetString("Body") ?? ""));
    }

    /// <summary>Appends an attempt (may be null when the delivery ends without one) and sets the delivery's state.</summary>
    public async Task RecordAsync(WebhookOutboxItem item, WebhookAttempt? attempt, int attemptCount, string state, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entity = await GetEntityAsync(item.Service, item.WebhookId, item.DeliveryId, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return;
        }

        var attempts = ReadAttempts(entity).ToList();
        if (attempt is not null)
        {
            attempts.Add(attempt);
        }

        var update = new TableEntity(item.Service, entity.RowKey)
        {
            ["State"] = state,
            ["NextAttemptAt"] = nextAttemptAt,
            ["AttemptCount"] = attemptCount,
            ["Attempts"] = JsonSerializer.Serialize(attempts.TakeLast(MaxAttemptsKept).ToList(), Json),
        };
        await storage.Deliveries.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a finished delivery from the outbox, unless someone changed the row after <paramref name="claim"/> (a redelivery).</summary>
    public async Task CompleteAsync(WebhookOutboxItem item, ETag claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            await storage.Outbox.DeleteEntityIfExistsAsync(OutboxPartition, item.RowKey, claim, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // A redelivery replaced the row meanwhile: it stays for the new schedule.
        }
    }

    /// <summary>Schedules the next attempt and releases the claim, unless someone changed the row after <paramref name="claim"/>.</summary>
    public async Task RescheduleAsync(WebhookOutboxItem item, ETag claim, DateTimeOffset next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var update = new TableEntity(OutboxPartition, item.RowKey) { ["NextAttemptAt"] = next, ["ClaimedUntil"] = DateTimeOffset.UnixEpoch };
        try
        {
            await storage.Outbox.UpdateEntityAsync(update, claim, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Replaced by a redelivery, or deleted: its new owner decides.
        }
    }

    /// <summary>Row key of a delivery.</summary>
    public static string DeliveryKey(string webhookId, string eventId) => webhookId + "_" + eventId;

    private static string OutboxKey(string webhookId, string buildId, int sequence) =>
        $"{webhookId}_{buildId}_{sequence.ToString("D2", CultureInfo.InvariantCulture)}";

    private static int OutboxSequenceOf(TableEntity delivery) =>
        delivery.GetInt32("Sequence") ?? 0;

    private static bool IsValidDeliveryId(string id) => id is { Length: 36 } && id.StartsWith("msg_", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);

    private async Task<TableEntity?> GetEntityAsync(string service, string webhookId, string deliveryId, CancellationToken cancellationToken)
    {
        if (!WebhookSubscriptionStore.IsValidId(webhookId) || !IsValidDeliveryId(deliveryId))
        {
            return null;
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await storage.Deliveries.GetEntityOrNullAsync(service, DeliveryKey(webhookId, deliveryId), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> TryAddAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private static IReadOnlyList<WebhookAttempt> ReadAttempts(TableEntity entity) =>
        JsonSerializer.Deserialize<List<WebhookAttempt>>(entity.GetString("Attempts") ?? "[]", Json) ?? [];

    private static WebhookDelivery ToDelivery(TableEntity entity) => new(
        entity.GetString("EventId") ?? "",
        entity.GetString("WebhookId") ?? "",
        entity.PartitionKey,
        entity.GetString("EventType") ?? "",
        entity.GetString("BuildId") ?? "",
        entity.GetString("State") ?? WebhookDeliveryState.Pending,
        entity.GetDateTimeOffset("CreatedAt") ?? entity.Timestamp ?? DateTimeOffset.UnixEpoch,
        entity.GetString("State") == WebhookDeliveryState.Pending ? entity.GetDateTimeOffset("NextAttemptAt") : null,
        ReadAttempts(entity));

    private static WebhookOutboxItem ToOutboxItem(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("Service") ?? "",
        entity.GetString("WebhookId") ?? "",
        entity.GetString("DeliveryId") ?? "",
        entity.GetString("BuildId") ?? "",
        entity.GetDateTimeOffset("NextAttemptAt") ?? DateTimeOffset.UnixEpoch,
        entity.ETag);
}
