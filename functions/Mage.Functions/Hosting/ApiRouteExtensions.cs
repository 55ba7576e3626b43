using Mage.Functions.Endpoints;
using Mage.Functions.Endpoints.Builds;

namespace Mage.Functions.Hosting;

/// <summary>
/// The HTTP API's routes under <c>/api</c>, mapped the same way by the standalone app
/// (<c>Program</c>) and by the Azure Functions worker (Mage.Functions.Worker), so both hosts
/// answer every request with the same endpoint code.
/// </summary>
public static class ApiRouteExtensions
{
    /// <summary>The path prefix of every API route (the Functions host's <c>routePrefix</c>).</summary>
    public const string Prefix = "/api";

    /// <summary>Maps every route of docs/api.md under <see cref="Prefix"/>.</summary>
    public static IEndpointRouteBuilder MapMageApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix);
        api.MapHealthEndpoints();
        api.MapBuildEndpoints();
        api.MapBuildLogEndpoints();
        api.MapArtifactEndpoints();
        api.MapManifestEndpoints();
        api.MapCatalogEndpoints();
        api.MapMageOpenApi();
        api.MapWebhookEndpoints();
        return endpoints;
    }
}
