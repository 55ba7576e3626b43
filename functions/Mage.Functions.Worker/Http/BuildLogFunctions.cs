using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mage.Functions.Worker.Http;

/// <summary>A job's log, also followed (streamed) with ?follow=true.</summary>
public sealed class BuildLogFunctions(MageApiPipeline pipeline) : ApiFunctions(pipeline)
{
    /// <summary>GET /api/builds/{id}/jobs/{job}/log.</summary>
    [Function("JobLog")]
    public IActionResult JobLog([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "builds/{id}/jobs/{job}/log")] HttpRequest request) => Answer(request);
}
