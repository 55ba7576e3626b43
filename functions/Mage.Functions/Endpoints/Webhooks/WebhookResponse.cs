namespace Mage.Functions.Endpoints.Webhooks;

/// <summary>A subscription as the API shows it; never its secret.</summary>
/// <param name="Id">Subscription id.</param>
/// <param name="Url">Target.</param>
/// <param name="Events">Event filter.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="Active">False once disabled.</param>
/// <param name="DisabledAt">When it was disabled.</param>
/// <param name="DisabledReason">Why.</param>
public sealed record WebhookResponse(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, bool Active, DateTimeOffset? DisabledAt, string? DisabledReason);
