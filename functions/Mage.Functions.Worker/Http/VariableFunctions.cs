using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mage.Functions.Worker.Http;

/// <summary>A service's variables: /api/services/{service}/variables[/{key}].</summary>
public sealed class VariableFunctions(MageApiPipeline pipeline) : ApiFunctions(pipeline)
{
    /// <summary>GET /api/services/{service}/variables.</summary>
    [Function("Variables")]
    public IActionResult Variables([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services/{service}/variables")] HttpRequest request) => Answer(request);

    /// <summary>GET PUT DELETE /api/services/{service}/variables/{key}.</summary>
    [Function("Variable")]
    public IActionResult Variable([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = "services/{service}/variables/{key}")] HttpRequest request) => Answer(request);
}
