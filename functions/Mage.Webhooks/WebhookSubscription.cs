namespace Mage.Webhooks;

/// <summary>One subscription as stored in <c>{hub}Webhooks</c>, without its secret. Immutable snapshot.</summary>
/// <param name="Id">Subscription id (<c>wh_</c> and 16 hex digits).</param>
/// <param name="Service">Owning service.</param>
/// <param name="Url">Where events are posted.</param>
/// <param name="Events">Event types it receives (<see cref="WebhookEventTypes"/>).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="DisabledAt">When delivery stopped for good (the receiver answered 410), or null while active.</param>
/// <param name="DisabledReason">Why it was disabled.</param>
public sealed record WebhookSubscription(
    string Id, string Service, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, string? DisabledReason)
{
    /// <summary>True while events are delivered.</summary>
    public bool Active => DisabledAt is null;
}
