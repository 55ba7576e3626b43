namespace Mage.Functions.Endpoints.Webhooks;

/// <summary>Answer to creating a subscription: the only time its secret is shown.</summary>
/// <param name="Id">Subscription id.</param>
/// <param name="Secret">Signing secret, <c>whsec_…</c>.</param>
/// <param name="Url">Target.</param>
/// <param name="Events">Event filter.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record WebhookCreatedResponse(string Id, string Secret, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt)
{
    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"WebhookCreatedResponse {{ Id = {Id}, Url = {Url} }}";
}
