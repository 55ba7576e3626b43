using System.Net;
using System.Net.Http.Json;
using Mage.Codegen.Configuration;
using Mage.Functions.Tests.Endpoints.Catalog;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Tests.Endpoints.Configuration;

/// <summary>The <see cref="IBuiltInPackCatalog"/> hook: a registered catalog makes saves refuse unknown built-in packs, and builds refuse versions that no longer validate.</summary>
public sealed class PackCatalogHookTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private sealed class Packs(params string[] names) : IBuiltInPackCatalog
    {
        public IReadOnlyCollection<string> Names => names;
    }

    private HttpClient ClientWith(IBuiltInPackCatalog catalog, out IAsyncDisposable factory)
    {
        var derived = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(catalog)));
        factory = derived;
        var client = derived.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", app.Factory.AdminKey);
        return client;
    }

    [Fact]
    public async Task Put_UnknownBuiltInPack_400WithDidYouMean()
    {
        using var client = ClientWith(new Packs("aspnet-minimal-api", "node-express"), out var factory);
        await using var _ = factory;
        var service = await app.CreateServiceAsync();

        var put = await ConfigurationEndpointsTests.PutAsync(client, service, $"service: {service}\npack: node-expres\n");

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var error = (await CatalogApp.JsonAsync(put)).GetProperty("errors")[0];
        Assert.Equal(("pack", 2, 7), (error.GetProperty("path").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));
        Assert.Contains("did you mean \"node-express\"", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SavedVersionNoLongerValid_422NamesTheVersionAndTheError()
    {
        // Saved under older rules (written to the store directly: the route now checks the built-in
        // packs); the deployment lists its packs and "retired" is not one.
        var service = await app.CreateServiceAsync();
        await app.Factory.Services.GetRequiredService<ConfigurationStore>().SaveAsync(service, $"service: {service}\npack: retired\n", CancellationToken.None);
        using var client = ClientWith(new Packs("aspnet-minimal-api"), out var factory);
        await using var _ = factory;

        var response = await client.PostAsJsonAsync(new Uri($"/api/services/{service}/builds", UriKind.Relative),
            new { tag = "v1", manifest = "driver: { type: local }\nstages: [a]\njobs:\n  - { stage: a, commands: [\"true\"] }\n" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await CatalogApp.JsonAsync(response)).GetProperty("detail").GetString();
        Assert.StartsWith($"configuration version 1 of service {service} is no longer valid (2:7: error: there is no built-in pack \"retired\"", detail, StringComparison.Ordinal);
    }
}
