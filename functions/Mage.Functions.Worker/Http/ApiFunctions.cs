using Mage.Functions.Worker.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mage.Functions.Worker.Http;

/// <summary>
/// Base of the HTTP-triggered functions: every function is <c>AuthorizationLevel.Anonymous</c>
/// for the Functions host, and the request goes through <see cref="MageApiPipeline"/>, whose key
/// check gives <c>x-functions-key</c> and <c>?code=</c> their meaning in docs/api.md (our admin and
/// service keys, not the host's function keys).
/// </summary>
public abstract class ApiFunctions(MageApiPipeline pipeline)
{
    /// <summary><paramref name="request"/>, answered by the API pipeline when the result executes.</summary>
    protected IActionResult Answer(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiPipelineResult(pipeline);
    }
}
