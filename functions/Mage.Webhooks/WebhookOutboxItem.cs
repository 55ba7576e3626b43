using Azure;

namespace Mage.Webhooks;

/// <summary>A delivery still to be attempted, as the outbox holds it. Immutable snapshot.</summary>
/// <param name="RowKey">Outbox row key: <c>{webhook id}_{build id}_{sequence}</c>, so a build's events sort in life order.</param>
/// <param name="Service">Owning service.</param>
/// <param name="WebhookId">The subscription.</param>
/// <param name="DeliveryId">The delivery (event id).</param>
/// <param name="BuildId">The build.</param>
/// <param name="NextAttemptAt">When it is due.</param>
/// <param name="ETag">The row's version, for claims.</param>
public sealed record WebhookOutboxItem(string RowKey, string Service, string WebhookId, string DeliveryId, string BuildId, DateTimeOffset NextAttemptAt, ETag ETag)
{
    /// <summary>The key prefix shared by every outbox row of this subscription and build.</summary>
    public string GroupPrefix => RowKey[..(RowKey.LastIndexOf('_') + 1)];
}
