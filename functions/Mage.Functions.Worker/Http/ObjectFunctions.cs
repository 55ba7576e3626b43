using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mage.Functions.Worker.Http;

/// <summary>A service's objects: /api/services/{service}/objects[/{name}].</summary>
public sealed class ObjectFunctions(MageApiPipeline pipeline) : ApiFunctions(pipeline)
{
    /// <summary>GET /api/services/{service}/objects.</summary>
    [Function("Objects")]
    public IActionResult Objects([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services/{service}/objects")] HttpRequest request) => Answer(request);

    /// <summary>GET PUT DELETE /api/services/{service}/objects/{name}.</summary>
    [Function("Object")]
    public IActionResult Object([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = "services/{service}/objects/{name}")] HttpRequest request) => Answer(request);
}
