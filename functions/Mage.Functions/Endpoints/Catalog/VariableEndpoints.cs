using Mage.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mage.Functions.Endpoints.Catalog;

/// <summary>
/// Service variables: <c>PUT /api/services/{service}/variables/{key}</c> with
/// <c>{ "value", "masked" }</c>, <c>GET …/variables</c>, <c>GET …/variables/{key}</c>, <c>DELETE</c>.
/// Masked values are encrypted at rest and always read back as <c>xxxxxx</c>.
/// </summary>
public static class VariableEndpoints
{
    /// <summary>Maps the variable routes on the <c>/services/{service}</c> group.</summary>
    public static RouteGroupBuilder MapVariableEndpoints(this RouteGroupBuilder service)
    {
        var variables = service.MapGroup("/variables");
        variables.MapPut("/{key}", PutVariableAsync).WithName("PutVariable");
        variables.MapGet("/", ListVariablesAsync).WithName("ListVariables");
        variables.MapGet("/{key}", GetVariableAsync).WithName("GetVariable");
        variables.MapDelete("/{key}", DeleteVariableAsync).WithName("DeleteVariable");
        return service;
    }

    private static async Task<Results<Created<VariableResponse>, Ok<VariableResponse>, ProblemHttpResult>> PutVariableAsync(
        string service, string key, VariableRequest? body, VariableStore variables, CancellationToken cancellationToken)
    {
        var masked = body?.Masked ?? false;
        var errors = VariableStore.Validate(key, body?.Value, masked);
        if (errors.Count > 0)
        {
            return CatalogProblems.Validation($"Variable '{CatalogNames.Shorten(key)}'", errors);
        }

        var result = await variables.PutAsync(service, key, body!.Value!, masked, cancellationToken);
        var response = ToResponse(result.Variable);
        return result.Created
            ? TypedResults.Created($"/api/services/{service}/variables/{key}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Ok<ItemsResponse<VariableResponse>>> ListVariablesAsync(
        string service, VariableStore variables, CancellationToken cancellationToken)
    {
        var list = await variables.ListAsync(service, cancellationToken);
        return TypedResults.Ok(new ItemsResponse<VariableResponse>([.. list.Select(ToResponse)]));
    }

    private static async Task<Results<Ok<VariableResponse>, ProblemHttpResult>> GetVariableAsync(
        string service, string key, VariableStore variables, CancellationToken cancellationToken) =>
        await variables.GetAsync(service, key, cancellationToken) is { } found
            ? TypedResults.Ok(ToResponse(found))
            : CatalogProblems.NotFound($"variable {CatalogNames.Shorten(key)} of service {service}");

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteVariableAsync(
        string service, string key, VariableStore variables, CancellationToken cancellationToken) =>
        await variables.DeleteAsync(service, key, cancellationToken)
            ? TypedResults.NoContent()
            : CatalogProblems.NotFound($"variable {CatalogNames.Shorten(key)} of service {service}");

    private static VariableResponse ToResponse(VariableRecord v) => new(v.Key, v.Value, v.Masked, v.CreatedAt, v.UpdatedAt);
}
