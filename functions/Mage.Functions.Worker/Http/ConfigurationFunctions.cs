using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mage.Functions.Worker.Http;

/// <summary>A service's saved configuration: /api/services/{service}/configuration[/versions].</summary>
public sealed class ConfigurationFunctions(MageApiPipeline pipeline) : ApiFunctions(pipeline)
{
    /// <summary>GET PUT /api/services/{service}/configuration.</summary>
    [Function("Configuration")]
    public IActionResult Configuration([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = "services/{service}/configuration")] HttpRequest request) => Answer(request);

    /// <summary>GET /api/services/{service}/configuration/versions.</summary>
    [Function("ConfigurationVersions")]
    public IActionResult ConfigurationVersions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services/{service}/configuration/versions")] HttpRequest request) => Answer(request);
}
