using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mage.Functions.Worker.Http;

/// <summary>A build's artifacts: the list and the bytes (Range supported).</summary>
public sealed class ArtifactFunctions(MageApiPipeline pipeline) : ApiFunctions(pipeline)
{
    /// <summary>GET /api/builds/{id}/artifacts.</summary>
    [Function("Artifacts")]
    public IActionResult Artifacts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "builds/{id}/artifacts")] HttpRequest request) => Answer(request);

    /// <summary>GET /api/builds/{id}/artifacts/{job}/{**name}.</summary>
    [Function("Artifact")]
    public IActionResult Artifact([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "builds/{id}/artifacts/{job}/{*name}")] HttpRequest request) => Answer(request);
}
