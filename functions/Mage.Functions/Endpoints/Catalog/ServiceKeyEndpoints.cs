using Mage.Catalog;
using Mage.Functions.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mage.Functions.Endpoints.Catalog;

/// <summary>
/// Service keys, admin only: <c>POST /api/services/{service}/keys</c> (the key is shown once),
/// <c>GET …/keys</c> (ids and times) and <c>DELETE …/keys/{id}</c> (revoke). Several keys may be
/// valid at once, which is how keys are rotated.
/// </summary>
public static class ServiceKeyEndpoints
{
    /// <summary>Maps the key routes on the <c>/services/{service}</c> group.</summary>
    public static RouteGroupBuilder MapServiceKeyEndpoints(this RouteGroupBuilder service)
    {
        var keys = service.MapGroup("/keys").RequireAuthorization(MageClaims.AdminPolicy);
        keys.MapPost("/", CreateKeyAsync).WithName("CreateServiceKey");
        keys.MapGet("/", ListKeysAsync).WithName("ListServiceKeys");
        keys.MapDelete("/{id}", RevokeKeyAsync).WithName("RevokeServiceKey");
        return service;
    }

    private static async Task<Created<ServiceKeyCreatedResponse>> CreateKeyAsync(
        string service, ServiceKeyStore keys, HttpResponse response, CancellationToken cancellationToken)
    {
        var created = await keys.CreateAsync(service, cancellationToken);

        // The key is a credential: no cache may keep this response.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/services/{service}/keys/{created.Id}", new ServiceKeyCreatedResponse(created.Key, created.Id, created.CreatedAt));
    }

    private static async Task<Ok<ItemsResponse<ServiceKeyResponse>>> ListKeysAsync(
        string service, ServiceKeyStore keys, CancellationToken cancellationToken)
    {
        var list = await keys.ListAsync(service, cancellationToken);
        return TypedResults.Ok(new ItemsResponse<ServiceKeyResponse>([.. list.Select(k => new ServiceKeyResponse(k.Id, k.CreatedAt))]));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(
        string service, string id, ServiceKeyStore keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(service, id, cancellationToken)
            ? TypedResults.NoContent()
            : CatalogProblems.NotFound($"key {CatalogNames.Shorten(id)} of service {service}");
}
