namespace Mage.Functions.Endpoints.Webhooks;

/// <summary>Body of <c>POST /api/services/{service}/webhooks</c>.</summary>
/// <param name="Url">Where events are posted (absolute http or https).</param>
/// <param name="Events">Event types to receive: <c>build.status_changed</c> or <c>*</c>; left out means <c>["build.status_changed"]</c>.</param>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string?>? Events);
