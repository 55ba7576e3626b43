using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mage.Functions.Worker.Http;

/// <summary>Services and their keys: /api/services, /api/services/{service}, /api/services/{service}/keys[/{id}].</summary>
public sealed class ServiceFunctions(MageApiPipeline pipeline) : ApiFunctions(pipeline)
{
    /// <summary>GET /api/services.</summary>
    [Function("Services")]
    public IActionResult Services([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services")] HttpRequest request) => Answer(request);

    /// <summary>GET PUT /api/services/{service}.</summary>
    [Function("Service")]
    public IActionResult Service([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = "services/{service}")] HttpRequest request) => Answer(request);

    /// <summary>GET POST /api/services/{service}/keys.</summary>
    [Function("ServiceKeys")]
    public IActionResult ServiceKeys([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "services/{service}/keys")] HttpRequest request) => Answer(request);

    /// <summary>DELETE /api/services/{service}/keys/{id}.</summary>
    [Function("ServiceKey")]
    public IActionResult ServiceKey([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "services/{service}/keys/{id}")] HttpRequest request) => Answer(request);
}
