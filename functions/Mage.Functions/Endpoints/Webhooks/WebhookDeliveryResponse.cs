using Mage.Webhooks;

namespace Mage.Functions.Endpoints.Webhooks;

/// <summary>A delivery as the API shows it: its state and every attempt (time, status code, duration, error, next attempt).</summary>
/// <param name="Id">Delivery id, equal to the <c>webhook-id</c> header the receiver saw.</param>
/// <param name="WebhookId">Subscription.</param>
/// <param name="EventType">Event type.</param>
/// <param name="BuildId">The build the event is about.</param>
/// <param name="State"><c>pending</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="CreatedAt">When the event was recorded.</param>
/// <param name="NextAttemptAt">When the next attempt is due, while pending.</param>
/// <param name="Attempts">Attempts, oldest first.</param>
public sealed record WebhookDeliveryResponse(
    string Id, string WebhookId, string EventType, string BuildId, string State, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, IReadOnlyList<WebhookAttempt> Attempts)
{
    /// <summary>The API view of <paramref name="d"/>.</summary>
    public static WebhookDeliveryResponse Of(WebhookDelivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.WebhookId, d.EventType, d.BuildId, d.State, d.CreatedAt, d.NextAttemptAt, d.Attempts);
    }
}
