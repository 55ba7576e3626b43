using System.Security.Claims;
using Mage.Builds.Catalog;
using Mage.Functions.Security;

namespace Mage.Functions.Endpoints.Catalog;

/// <summary>
/// Who may see which service: the admin key every service, a service key only its own.
/// Another service's resources answer 404, exactly like a service that does not exist, so a
/// key cannot probe which services exist.
/// </summary>
internal static class CatalogAccess
{
    public static bool IsAdmin(ClaimsPrincipal user) => user.HasClaim(MageClaims.Role, MageClaims.AdminRole);

    public static bool CanSee(ClaimsPrincipal user, string service) =>
        IsAdmin(user) || (user.HasClaim(MageClaims.Role, MageClaims.ServiceRole) && string.Equals(user.FindFirstValue(MageClaims.Service), service, StringComparison.Ordinal));

    /// <summary>
    /// Endpoint filter for routes under <c>/services/{service}/…</c>: answers 404 before the
    /// handler runs (and before a body is read) when the caller may not see the service or it
    /// does not exist.
    /// </summary>
    public static async ValueTask<object?> RequireVisibleServiceAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var service = http.GetRouteValue("service") as string ?? "";
        if (!CanSee(http.User, service)
            || !await http.RequestServices.GetRequiredService<ServiceCatalog>().ExistsAsync(service, http.RequestAborted))
        {
            return CatalogProblems.ServiceNotFound(service);
        }

        return await next(context);
    }
}
