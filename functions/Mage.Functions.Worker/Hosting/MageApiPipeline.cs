using Mage.Functions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mage.Functions.Worker.Hosting;

/// <summary>
/// The standalone app's API pipeline (problem details, authentication with our keys,
/// authorization, rate limiting, the endpoints of <see cref="ApiRouteExtensions.MapMageApi"/>),
/// built once over the worker's services. Each HTTP-triggered function hands its request to it,
/// so the answer under the Functions host is the one the standalone app gives.
/// </summary>
/// <remarks>Thread-safe: the built pipeline is immutable and shared by every invocation.</remarks>
public sealed class MageApiPipeline
{
    private readonly RequestDelegate _pipeline;

    /// <summary>Builds the pipeline over <paramref name="services"/> (the worker's root provider).</summary>
    public MageApiPipeline(IServiceProvider services)
    {
        var app = new ApplicationBuilder(services);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseEndpoints(endpoints => endpoints.MapMageApi());
        _pipeline = app.Build();
    }

    /// <summary>Answers <paramref name="context"/> as the standalone app would.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The function's own routing has run; our routing matches the request afresh against
        // the API's endpoints (same paths: routePrefix is "api").
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        return _pipeline(context);
    }
}
