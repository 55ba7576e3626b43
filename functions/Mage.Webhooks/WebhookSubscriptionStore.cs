using Azure;
using Azure.Data.Tables;
using Mage.Catalog;
using Mage.Catalog.Secrets;
using Mage.Storage;
using Microsoft.Extensions.Logging;

namespace Mage.Webhooks;

/// <summary>
/// Subscriptions in <c>{hub}Webhooks</c> (PartitionKey = service, RowKey = id). The signing secret is
/// stored encrypted with <see cref="SecretProtector"/>, bound to the subscription's identity, and is
/// returned only once, by <see cref="CreateAsync"/>. Thread-safe singleton.
/// </summary>
public sealed class WebhookSubscriptionStore(WebhookStorage storage, SecretProtector protector, TimeProvider time, ILogger<WebhookSubscriptionStore> logger)
{
    /// <summary>Most subscriptions per service; each status change fans out to all of them.</summary>
    public const int MaxPerService = 25;

    /// <summary>The associated data of a subscription's secret.</summary>
    public static string SecretIdentity(string service, string id) => $"service/{service}/webhook/{id}";

    /// <summary>Every problem with an event filter; empty when valid.</summary>
    public static IReadOnlyList<CatalogValidationError> ValidateEvents(IReadOnlyList<string?>? events)
    {
        if (events is null || events.Count == 0)
        {
            return [new("events", $"events is required: a list holding \"{WebhookEventTypes.BuildStatusChanged}\" or \"{WebhookEventTypes.All}\" (every event).")];
        }

        return [.. events.Select((e, i) => (e, i))
            .Where(x => x.e is null || !WebhookEventTypes.Known.Contains(x.e))
            .Select(x => new CatalogValidationError($"events[{x.i}]", $"Event type '{CatalogNames.Shorten(x.e ?? "null")}' is not known; use one of: {string.Join(", ", WebhookEventTypes.Known)}."))];
    }

    /// <summary>Creates a subscription with a fresh secret. Validate the url and events first; the caller checks that the service exists.</summary>
    /// <exception cref="InvalidOperationException">The service already has <see cref="MaxPerService"/> subscriptions.</exception>
    public async Task<CreatedWebhook> CreateAsync(string service, string url, IReadOnlyList<string> events, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if ((await ListAsync(service, cancellationToken).ConfigureAwait(false)).Count >= MaxPerService)
        {
            throw new InvalidOperationException($"Service {service} already has {MaxPerService} webhooks, the limit; delete one first.");
        }

        var id = "wh_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        var secret = WebhookSecret.Generate();
        var subscription = new WebhookSubscription(id, service, url, [.. events.Distinct(StringComparer.Ordinal)], time.GetUtcNow(), null, null);
        var entity = new TableEntity(service, id)
        {
            ["Url"] = url,
            ["Events"] = string.Join(',', subscription.Events),
            ["Secret"] = protector.Protect(secret, SecretIdentity(service, id)),
            ["CreatedAt"] = subscription.CreatedAt,
        };
        await storage.Subscriptions.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        WebhookLog.SubscriptionCreated(logger, service, id, new Uri(url).IdnHost);
        return new CreatedWebhook(subscription, secret);
    }

    /// <summary>The subscriptions of <paramref name="service"/>, oldest first.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(string service, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<WebhookSubscription>();
        await foreach (var entity in storage.Subscriptions.QueryPartitionAsync(service, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToSubscription(entity));
        }

        return [.. list.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>One subscription, or null.</summary>
    public async Task<WebhookSubscription?> GetAsync(string service, string id, CancellationToken cancellationToken) =>
        await GetEntityAsync(service, id, cancellationToken).ConfigureAwait(false) is { } entity ? ToSubscription(entity) : null;

    /// <summary>The subscription with its decrypted secret, for signing; null when it no longer exists.</summary>
    public async Task<(WebhookSubscription Subscription, string Secret)?> GetForDeliveryAsync(string service, string id, CancellationToken cancellationToken)
    {
        if (await GetEntityAsync(service, id, cancellationToken).ConfigureAwait(false) is not { } entity)
        {
            return null;
        }

        return (ToSubscription(entity), protector.Unprotect(entity.GetString("Secret") ?? "", SecretIdentity(service, id)));
    }

    /// <summary>Deletes a subscription; false when it did not exist. Its pending deliveries are dropped when next due.</summary>
    public async Task<bool> DeleteAsync(string service, string id, CancellationToken cancellationToken)
    {
        if (!IsValidId(id))
        {
            return false;
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await storage.Subscriptions.DeleteEntityIfExistsAsync(service, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            WebhookLog.SubscriptionDeleted(logger, service, id);
        }

        return deleted;
    }

    /// <summary>Stops deliveries to a subscription for good (idempotent; the first reason stays).</summary>
    public async Task DisableAsync(string service, string id, string reason, CancellationToken cancellationToken)
    {
        if (await GetEntityAsync(service, id, cancellationToken).ConfigureAwait(false) is not { } entity || entity.GetDateTimeOffset("DisabledAt") is not null)
        {
            return;
        }

        var update = new TableEntity(service, id) { ["DisabledAt"] = time.GetUtcNow(), ["DisabledReason"] = reason };
        try
        {
            await storage.Subscriptions.UpdateEntityAsync(update, entity.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            WebhookLog.SubscriptionDisabled(logger, service, id, reason);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Changed or deleted meanwhile: whoever changed it decided its fate.
        }
    }

    /// <summary>True for strings shaped like a subscription id.</summary>
    public static bool IsValidId(string id) => id is { Length: 19 } && id.StartsWith("wh_", StringComparison.Ordinal) && id[3..].All(char.IsAsciiHexDigitLower);

    private async Task<TableEntity?> GetEntityAsync(string service, string id, CancellationToken cancellationToken)
    {
        if (!IsValidId(id))
        {
            return null;
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await storage.Subscriptions.GetEntityOrNullAsync(service, id, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static WebhookSubscription ToSubscription(TableEntity entity) => new(
        entity.RowKey,
        entity.PartitionKey,
        entity.GetString("Url") ?? "",
        (entity.GetString("Events") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        entity.GetDateTimeOffset("CreatedAt") ?? entity.Timestamp ?? DateTimeOffset.UnixEpoch,
        entity.GetDateTimeOffset("DisabledAt"),
        entity.GetString("DisabledReason"));
}
