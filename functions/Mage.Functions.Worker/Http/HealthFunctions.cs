using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mage.Functions.Worker.Http;

/// <summary>GET /api/health: the only route without a key.</summary>
public sealed class HealthFunctions(MageApiPipeline pipeline) : ApiFunctions(pipeline)
{
    /// <summary>GET /api/health.</summary>
    [Function("Health")]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) => Answer(request);
}
