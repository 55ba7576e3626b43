using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mage.Functions.Worker.Http;

/// <summary>GET /api/openapi.json: the OpenAPI document of the API.</summary>
public sealed class OpenApiFunctions(MageApiPipeline pipeline) : ApiFunctions(pipeline)
{
    /// <summary>GET /api/openapi.json.</summary>
    [Function("OpenApiDocument")]
    public IActionResult OpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) => Answer(request);
}
