using Microsoft.AspNetCore.Mvc;

namespace Mage.Functions.Worker.Hosting;

/// <summary>The result of an HTTP-triggered function: the request answered by <see cref="MageApiPipeline"/>.</summary>
public sealed class ApiPipelineResult(MageApiPipeline pipeline) : IActionResult
{
    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return pipeline.InvokeAsync(context.HttpContext);
    }
}
