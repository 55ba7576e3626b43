namespace Mage.Webhooks;

/// <summary>One event on its way to one subscription, with every attempt so far. Immutable snapshot.</summary>
/// <param name="Id">Delivery id within the subscription: the event id, which is also the <c>webhook-id</c> header.</param>
/// <param name="WebhookId">The subscription.</param>
/// <param name="Service">Owning service.</param>
/// <param name="EventType">For example <c>build.status_changed</c>.</param>
/// <param name="BuildId">The build the event is about.</param>
/// <param name="State">One of <see cref="WebhookDeliveryState"/>.</param>
/// <param name="CreatedAt">When the event was recorded.</param>
/// <param name="NextAttemptAt">When the next attempt is due, while pending.</param>
/// <param name="Attempts">Every attempt, oldest first (redeliveries included).</param>
public sealed record WebhookDelivery(
    string Id, string WebhookId, string Service, string EventType, string BuildId, string State,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, IReadOnlyList<WebhookAttempt> Attempts);
