using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mage.Functions.Worker.Http;

/// <summary>POST /api/manifests/validate.</summary>
public sealed class ManifestFunctions(MageApiPipeline pipeline) : ApiFunctions(pipeline)
{
    /// <summary>POST /api/manifests/validate.</summary>
    [Function("ValidateManifest")]
    public IActionResult ValidateManifest([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manifests/validate")] HttpRequest request) => Answer(request);
}
