using System.Security.Claims;
using Mage.Catalog;
using Mage.Functions.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mage.Functions.Endpoints.Catalog;

/// <summary>
/// <c>PUT /api/services/{service}</c> (admin), <c>GET /api/services</c> and
/// <c>GET /api/services/{service}</c>. Reads never return a secret: the repository token is
/// reduced to <c>tokenSet</c>.
/// </summary>
public static class ServiceEndpoints
{
    /// <summary>Maps the service routes on the <c>/services</c> group.</summary>
    public static RouteGroupBuilder MapServiceEndpoints(this RouteGroupBuilder services)
    {
        services.MapPut("/{service}", PutServiceAsync).RequireAuthorization(MageClaims.AdminPolicy).WithName("PutService");
        services.MapGet("/", ListServicesAsync).WithName("ListServices");
        services.MapGet("/{service}", GetServiceAsync).WithName("GetService");
        return services;
    }

    private static async Task<Results<Created<ServiceResponse>, Ok<ServiceResponse>, ProblemHttpResult>> PutServiceAsync(
        string service, ServiceRequest? body, ServiceCatalog catalog, CancellationToken cancellationToken)
    {
        var update = body is null
            ? null
            : new ServiceUpdate(
                body.DisplayName,
                body.Repository is { } r ? new RepositoryUpdate(r.Provider, r.Url, r.Project, r.TargetBranch, r.Token) : null,
                body.DefaultManifest);
        var errors = ServiceValidator.Validate(service, update);
        if (errors.Count > 0)
        {
            return CatalogProblems.Validation($"Service '{CatalogNames.Shorten(service)}'", errors);
        }

        var result = await catalog.PutAsync(service, update!, cancellationToken);
        var response = ServiceResponse.From(result.Service);
        return result.Created
            ? TypedResults.Created($"/api/services/{service}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Ok<ItemsResponse<ServiceResponse>>> ListServicesAsync(
        ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken)
    {
        var all = await catalog.ListAsync(cancellationToken);
        var visible = all.Where(s => user.CanAccess(s.Name)).Select(ServiceResponse.From).ToList();
        return TypedResults.Ok(new ItemsResponse<ServiceResponse>(visible));
    }

    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> GetServiceAsync(
        string service, ClaimsPrincipal user, ServiceCatalog catalog, CancellationToken cancellationToken)
    {
        if (!user.CanAccess(service) || await catalog.GetAsync(service, cancellationToken) is not { } found)
        {
            return await CatalogProblems.ServiceNotFoundAsync(service, user, catalog, cancellationToken);
        }

        return TypedResults.Ok(ServiceResponse.From(found));
    }
}
