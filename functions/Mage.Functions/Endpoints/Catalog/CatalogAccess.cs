using Mage.Catalog;
using Mage.Functions.Security;

namespace Mage.Functions.Endpoints.Catalog;

/// <summary>
/// Guards routes under a service with <see cref="ServiceAccess.CanAccess"/>. Another service's
/// resources answer 404, exactly like a service that does not exist, so a key cannot probe
/// which services exist.
/// </summary>
internal static class CatalogAccess
{
    /// <summary>
    /// Endpoint filter for routes under <c>/services/{service}/…</c>: answers 404 before the
    /// handler runs (and before a body is read) when the caller may not see the service or it
    /// does not exist.
    /// </summary>
    public static async ValueTask<object?> RequireVisibleServiceAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var service = http.GetRouteValue("service") as string ?? "";
        var catalog = http.RequestServices.GetRequiredService<ServiceCatalog>();
        if (!http.User.CanAccess(service) || !await catalog.ExistsAsync(service, http.RequestAborted))
        {
            return await CatalogProblems.ServiceNotFoundAsync(service, http.User, catalog, http.RequestAborted);
        }

        return await next(context);
    }
}
