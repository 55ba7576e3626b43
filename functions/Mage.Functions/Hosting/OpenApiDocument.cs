using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mage.Functions.Hosting;

/// <summary>
/// The OpenAPI document of the whole HTTP API at <c>/api/openapi.json</c>, generated from the
/// mapped endpoints (so it cannot drift from the code) and described with the key scheme that
/// every route but health requires.
/// </summary>
public static class OpenApiDocument
{
    /// <summary>Route of the document, under the <c>/api</c> group.</summary>
    public const string Route = "/openapi.json";

    /// <summary>Name of the security scheme in the document.</summary>
    public const string KeyScheme = "functionsKey";

    /// <summary>Registers the generator. Call once, with the other services.</summary>
    public static IServiceCollection AddMageOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Mage Functions API",
                Version = "v1",
                Description = "Builds from djinn manifests and Mage service configurations. Send a key in the x-functions-key header (or ?code=) on every route but GET /api/health.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "x-functions-key",
                Description = "The admin key or a service key.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [] });
            return Task.CompletedTask;
        }));

    /// <summary>Maps the document on the <c>/api</c> group; it needs a key like every other route.</summary>
    public static RouteGroupBuilder MapMageOpenApi(this RouteGroupBuilder api)
    {
        api.MapOpenApi(Route);
        return api;
    }
}
