using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mage.Functions.Worker.Http;

/// <summary>A service's webhooks and their deliveries: /api/services/{service}/webhooks….</summary>
public sealed class WebhookFunctions(MageApiPipeline pipeline) : ApiFunctions(pipeline)
{
    /// <summary>GET POST /api/services/{service}/webhooks.</summary>
    [Function("Webhooks")]
    public IActionResult Webhooks([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "services/{service}/webhooks")] HttpRequest request) => Answer(request);

    /// <summary>GET DELETE /api/services/{service}/webhooks/{id}.</summary>
    [Function("Webhook")]
    public IActionResult Webhook([HttpTrigger(AuthorizationLevel.Anonymous, "get", "delete", Route = "services/{service}/webhooks/{id}")] HttpRequest request) => Answer(request);

    /// <summary>GET /api/services/{service}/webhooks/{id}/deliveries.</summary>
    [Function("WebhookDeliveries")]
    public IActionResult WebhookDeliveries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services/{service}/webhooks/{id}/deliveries")] HttpRequest request) => Answer(request);

    /// <summary>POST /api/services/{service}/webhooks/{id}/deliveries/{deliveryId}/redeliver.</summary>
    [Function("RedeliverWebhookDelivery")]
    public IActionResult RedeliverWebhookDelivery([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "services/{service}/webhooks/{id}/deliveries/{deliveryId}/redeliver")] HttpRequest request) => Answer(request);
}
