using Mage.Catalog;
using Mage.Catalog.Secrets;
using Mage.Functions.Endpoints.Catalog;
using Mage.Functions.Endpoints.Configuration;

// In the namespace of the other Map…Endpoints extensions, so Program maps it with one line.
namespace Mage.Functions.Endpoints;

/// <summary>
/// Maps every catalog route under <c>/api/services</c>: services, keys, objects, variables and configurations.
/// Routes below <c>/services/{service}/</c> answer 404 for a service that does not exist or
/// that the caller's key may not see.
/// </summary>
public static class CatalogEndpoints
{
    /// <summary>Maps the routes on the <c>/api</c> group; resolves the encryption key now so a missing one stops start-up.</summary>
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        // Fail at start-up, with the message that names the setting, rather than on the first secret.
        var provider = ((IEndpointRouteBuilder)api).ServiceProvider;
        _ = provider.GetRequiredService<CatalogOptions>();
        _ = provider.GetRequiredService<SecretProtector>();

        var services = api.MapGroup("/services").WithTags("Services");
        services.MapServiceEndpoints();

        var service = services.MapGroup("/{service}").AddEndpointFilter(CatalogAccess.RequireVisibleServiceAsync);
        service.MapServiceKeyEndpoints();
        service.MapObjectEndpoints();
        service.MapVariableEndpoints();
        service.MapConfigurationEndpoints();
        return api;
    }
}
