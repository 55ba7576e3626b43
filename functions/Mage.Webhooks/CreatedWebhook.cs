namespace Mage.Webhooks;

/// <summary>A new subscription and its secret, which is never shown again.</summary>
/// <param name="Subscription">The subscription.</param>
/// <param name="Secret">The signing secret, <c>whsec_…</c>.</param>
public sealed record CreatedWebhook(WebhookSubscription Subscription, string Secret)
{
    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"CreatedWebhook {{ Subscription = {Subscription}, Secret = whsec_… }}";
}
