using Mage.Catalog;
using Mage.Functions.Endpoints.Catalog;
using Mage.Functions.Endpoints.Webhooks;
using Mage.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

// In the namespace of the other Map…Endpoints extensions, so Program maps it with one line.
namespace Mage.Functions.Endpoints;

/// <summary>
/// Webhook subscriptions of a service and their deliveries, under <c>/api/services/{service}/webhooks</c>.
/// A service key reaches only its own service's webhooks; others answer 404.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Maps the routes on the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var webhooks = api.MapGroup("/services/{service}/webhooks").WithTags("Webhooks").AddEndpointFilter(CatalogAccess.RequireVisibleServiceAsync);
        webhooks.MapPost("/", CreateAsync).WithName("CreateWebhook");
        webhooks.MapGet("/", ListAsync).WithName("ListWebhooks");
        webhooks.MapGet("/{id}", GetAsync).WithName("GetWebhook");
        webhooks.MapDelete("/{id}", DeleteAsync).WithName("DeleteWebhook");
        webhooks.MapGet("/{id}/deliveries", ListDeliveriesAsync).WithName("ListWebhookDeliveries");
        webhooks.MapPost("/{id}/deliveries/{deliveryId}/redeliver", RedeliverAsync).WithName("RedeliverWebhookDelivery");
        return api;
    }

    private static async Task<Results<Created<WebhookCreatedResponse>, ProblemHttpResult>> CreateAsync(
        string service, WebhookRequest? body, WebhookSubscriptionStore subscriptions, WebhookTargetGuard guard, HttpResponse response, CancellationToken cancellationToken)
    {
        var events = body?.Events ?? [WebhookEventTypes.BuildStatusChanged];
        var errors = WebhookSubscriptionStore.ValidateEvents(events).ToList();
        if (await guard.ProblemWithUrlAsync(body?.Url, cancellationToken) is { } urlProblem)
        {
            errors.Insert(0, new CatalogValidationError("url", urlProblem));
        }

        if (errors.Count > 0)
        {
            return CatalogProblems.Validation("The webhook", errors);
        }

        CreatedWebhook created;
        try
        {
            created = await subscriptions.CreateAsync(service, body!.Url!, [.. events.OfType<string>()], cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too many webhooks", detail: ex.Message);
        }

        // The secret is a credential: no cache may keep this response.
        response.Headers.CacheControl = "no-store";
        var s = created.Subscription;
        return TypedResults.Created($"/api/services/{service}/webhooks/{s.Id}", new WebhookCreatedResponse(s.Id, created.Secret, s.Url, s.Events, s.CreatedAt));
    }

    private static async Task<Ok<ItemsResponse<WebhookResponse>>> ListAsync(string service, WebhookSubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        var list = await subscriptions.ListAsync(service, cancellationToken);
        return TypedResults.Ok(new ItemsResponse<WebhookResponse>([.. list.Select(ToResponse)]));
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(
        string service, string id, WebhookSubscriptionStore subscriptions, CancellationToken cancellationToken) =>
        await subscriptions.GetAsync(service, id, cancellationToken) is { } found
            ? TypedResults.Ok(ToResponse(found))
            : WebhookNotFound(service, id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string service, string id, WebhookSubscriptionStore subscriptions, CancellationToken cancellationToken) =>
        await subscriptions.DeleteAsync(service, id, cancellationToken)
            ? TypedResults.NoContent()
            : WebhookNotFound(service, id);

    private static async Task<Results<Ok<ItemsResponse<WebhookDeliveryResponse>>, ProblemHttpResult>> ListDeliveriesAsync(
        string service, string id, WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries, CancellationToken cancellationToken)
    {
        // Deliveries outlive a deleted subscription in the table, but the route follows the subscription.
        if (await subscriptions.GetAsync(service, id, cancellationToken) is null)
        {
            return WebhookNotFound(service, id);
        }

        var list = await deliveries.ListAsync(service, id, cancellationToken);
        return TypedResults.Ok(new ItemsResponse<WebhookDeliveryResponse>([.. list.Select(WebhookDeliveryResponse.Of)]));
    }

    private static async Task<Results<Accepted<WebhookDeliveryResponse>, ProblemHttpResult>> RedeliverAsync(
        string service, string id, string deliveryId, WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries,
        WebhookDispatcher dispatcher, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await subscriptions.GetAsync(service, id, cancellationToken) is not { } subscription)
        {
            return WebhookNotFound(service, id);
        }

        if (!subscription.Active)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Webhook disabled",
                detail: $"Webhook {id} is disabled ({subscription.DisabledReason}); create a new webhook for the receiver's current url.");
        }

        if (await deliveries.RedeliverAsync(service, id, deliveryId, time.GetUtcNow(), cancellationToken) is not { } delivery)
        {
            return CatalogProblems.NotFound($"delivery {CatalogNames.Shorten(deliveryId)} of webhook {id}");
        }

        dispatcher.Wake();
        return TypedResults.Accepted($"/api/services/{service}/webhooks/{id}/deliveries", WebhookDeliveryResponse.Of(delivery));
    }

    private static ProblemHttpResult WebhookNotFound(string service, string id) =>
        CatalogProblems.NotFound($"webhook {CatalogNames.Shorten(id)} of service {service}");

    private static WebhookResponse ToResponse(WebhookSubscription s) => new(s.Id, s.Url, s.Events, s.CreatedAt, s.Active, s.DisabledAt, s.DisabledReason);
}
