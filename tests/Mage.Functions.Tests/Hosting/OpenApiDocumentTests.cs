using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mage.Functions.Tests.Infrastructure;
using Mage.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Tests.Hosting;

/// <summary>The OpenAPI document is generated from the mapped endpoints; these tests keep it complete and true to docs/api.md.</summary>
public sealed partial class OpenApiDocumentTests
{
    [Fact]
    public async Task GetOpenApi_WithAdminKey_DocumentsEveryMappedApiRoute()
    {
        await using var app = await MageAppFactory.CreateAsync();
        using var client = app.CreateAdminClient();
        var documented = await DocumentedOperationsAsync(client);

        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.EndsWith("openapi.json", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => Operation(m, e.RoutePattern.RawText!)))
            .ToHashSet();

        Assert.NotEmpty(mapped);
        var missing = mapped.Except(documented).Order().ToList();
        Assert.True(missing.Count == 0, "Mapped but not in /api/openapi.json: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task GetOpenApi_RoutesOfTheContract_AreAllImplemented()
    {
        // docs/api.md is the contract clients depend on: every route it names must exist.
        var contract = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "docs", "api.md"));
        var promised = ContractRoute().Matches(contract)
            .Select(m => Operation(m.Groups["method"].Value, m.Groups["path"].Value))
            .ToHashSet();
        await using var app = await MageAppFactory.CreateAsync();
        using var client = app.CreateAdminClient();
        var documented = await DocumentedOperationsAsync(client);

        Assert.True(promised.Count >= 15, $"expected the contract's route tables, found {promised.Count} routes");
        var missing = promised.Except(documented).Order().ToList();
        Assert.True(missing.Count == 0, "In docs/api.md but not implemented: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task GetOpenApi_SubmitBuild_DescribesBodyAndKeyScheme()
    {
        await using var app = await MageAppFactory.CreateAsync();
        using var client = app.CreateAdminClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative)));
        var root = document.RootElement;

        var submit = root.GetProperty("paths").GetProperty("/api/services/{service}/builds").GetProperty("post");
        Assert.True(submit.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), "submit documents its JSON body");
        Assert.True(submit.GetProperty("responses").TryGetProperty("202", out _), "submit documents 202 Accepted");
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("functionsKey");
        Assert.Equal("x-functions-key", scheme.GetProperty("name").GetString());
    }

    [Fact]
    public async Task GetOpenApi_WithoutKey_Unauthorized()
    {
        await using var app = await MageAppFactory.CreateAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<HashSet<string>> DocumentedOperationsAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative)));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "put" or "post" or "delete" or "patch" or "head")
                .Select(op => Operation(op.Name, path.Name)))
            .ToHashSet();
    }

    /// <summary>"GET /api/builds/{}": parameter names differ between documents and code; their places must not.</summary>
    private static string Operation(string method, string path) =>
        method.ToUpperInvariant() + " " + Parameter().Replace(path.Split('?', '[')[0].TrimEnd('/'), "{}");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"`(?<method>GET|PUT|POST|DELETE|PATCH) (?<path>/api/[^`\s]*)`")]
    private static partial Regex ContractRoute();
}
