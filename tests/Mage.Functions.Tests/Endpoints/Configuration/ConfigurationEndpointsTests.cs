using System.Net;
using System.Security.Cryptography;
using System.Text;
using Mage.Functions.Tests.Endpoints.Catalog;

namespace Mage.Functions.Tests.Endpoints.Configuration;

public sealed class ConfigurationEndpointsTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    internal static string Minimal(string service) => $"""
        service: {service}
        pack: aspnet-minimal-api
        model:
          Customer:
            fields:
              id: {"{"} type: guid, key: true {"}"}
              email: {"{"} type: string, required: true, maxLength: 200 {"}"}
        spells: [crud]

        """;

    internal static Task<HttpResponseMessage> PutAsync(HttpClient client, string service, string text, string contentType = "application/yaml") =>
        client.PutAsync(Url($"/api/services/{service}/configuration"), new StringContent(text, Encoding.UTF8, contentType));

    [Fact]
    public async Task Put_ValidYaml_SavesVersionOneAndReadsBackAsSaved()
    {
        var service = await app.CreateServiceAsync();
        var text = Minimal(service);

        var put = await PutAsync(app.Admin, service, text);

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var body = await CatalogApp.JsonAsync(put);
        Assert.Equal(1, body.GetProperty("version").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), body.GetProperty("sha256").GetString());
        Assert.True(body.GetProperty("savedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal($"/api/services/{service}/configuration?version=1", put.Headers.Location?.OriginalString);

        var get = await app.Admin.GetAsync(Url($"/api/services/{service}/configuration"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(text, await get.Content.ReadAsStringAsync());
        Assert.Equal("application/yaml", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1", get.Headers.GetValues("x-mage-configuration-version").Single());
        Assert.Equal(body.GetProperty("sha256").GetString(), get.Headers.GetValues("x-mage-configuration-sha256").Single());
    }

    [Fact]
    public async Task Put_SeveralVersions_EachReadableAndListedNewestFirst()
    {
        var service = await app.CreateServiceAsync();
        var json = $$"""{ "service": "{{service}}", "pack": "aspnet-minimal-api", "description": "json one" }""";

        Assert.Equal(HttpStatusCode.Created, (await PutAsync(app.Admin, service, Minimal(service))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(app.Admin, service, json, "application/json")).StatusCode);

        var first = await app.Admin.GetAsync(Url($"/api/services/{service}/configuration?version=1"));
        Assert.Equal(Minimal(service), await first.Content.ReadAsStringAsync());
        var latest = await app.Admin.GetAsync(Url($"/api/services/{service}/configuration"));
        Assert.Equal((json, "application/json", "2"), (await latest.Content.ReadAsStringAsync(), latest.Content.Headers.ContentType?.MediaType, latest.Headers.GetValues("x-mage-configuration-version").Single()));

        var versions = await CatalogApp.JsonAsync(await app.Admin.GetAsync(Url($"/api/services/{service}/configuration/versions")));
        var items = versions.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([2L, 1L], items.Select(i => i.GetProperty("version").GetInt64()));
        Assert.Equal(["json", "yaml"], items.Select(i => i.GetProperty("format").GetString()));
    }

    [Fact]
    public async Task Put_InvalidConfiguration_400WithEveryErrorAndItsPositionAndNothingSaved()
    {
        var service = await app.CreateServiceAsync();
        var text = $"service: {service}\npack: aspnet-minimal-api\nmodel:\n  Customer:\n    fields:\n      id: {{ type: guid, key: true }}\n      age: {{ type: int, maxLenght: 3 }}\nspells: [crud, cache]\n";

        var put = await PutAsync(app.Admin, service, text);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        var problem = await CatalogApp.JsonAsync(put);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("2 errors", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(
            [("model.Customer.fields.age.maxLenght", 7, 25, "error"), ("spells[1]", 8, 16, "error")],
            errors.Select(e => (e.GetProperty("path").GetString(), e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32(), e.GetProperty("severity").GetString())));
        Assert.Contains("did you mean \"maxLength\"", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.GetAsync(Url($"/api/services/{service}/configuration"))).StatusCode);
    }

    [Fact]
    public async Task Put_ServiceNameOfAnotherService_400AtService()
    {
        var service = await app.CreateServiceAsync();

        var put = await PutAsync(app.Admin, service, Minimal("someone-else"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var error = (await CatalogApp.JsonAsync(put)).GetProperty("errors")[0];
        Assert.Equal(("service", 1), (error.GetProperty("path").GetString(), error.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Put_ObjectPackNotUploaded_400AtPackObject_ThenAcceptedOnceUploaded()
    {
        var service = await app.CreateServiceAsync();
        var text = $"service: {service}\npack:\n  object: pack.tar\n";

        var refused = await PutAsync(app.Admin, service, text);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = (await CatalogApp.JsonAsync(refused)).GetProperty("errors")[0];
        Assert.Equal(("pack.object", 3, 11), (error.GetProperty("path").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));

        using var pack = new ByteArrayContent([1, 2, 3]);
        Assert.Equal(HttpStatusCode.Created, (await app.Admin.PutAsync(Url($"/api/services/{service}/objects/pack.tar"), pack)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(app.Admin, service, text)).StatusCode);
    }

    [Fact]
    public async Task Put_BodyOverLimit_413()
    {
        var service = await app.CreateServiceAsync();
        var text = Minimal(service) + "description: \"" + new string('x', 600 * 1024) + "\"\n";

        var put = await PutAsync(app.Admin, service, text);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
    }

    [Theory]
    [InlineData("?version=7", HttpStatusCode.NotFound, "version 7")]
    [InlineData("?version=0", HttpStatusCode.BadRequest, "not a version number")]
    [InlineData("?version=abc", HttpStatusCode.BadRequest, "not a version number")]
    public async Task Get_BadOrMissingVersion_ProblemNamingIt(string query, HttpStatusCode status, string detail)
    {
        var service = await app.CreateServiceAsync();
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(app.Admin, service, Minimal(service))).StatusCode);

        var get = await app.Admin.GetAsync(Url($"/api/services/{service}/configuration{query}"));

        Assert.Equal(status, get.StatusCode);
        Assert.Contains(detail, (await CatalogApp.JsonAsync(get)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NothingSaved_404SaysHowToSave()
    {
        var service = await app.CreateServiceAsync();

        var get = await app.Admin.GetAsync(Url($"/api/services/{service}/configuration"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains($"PUT /api/services/{service}/configuration", (await CatalogApp.JsonAsync(get)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var versions = await CatalogApp.JsonAsync(await app.Admin.GetAsync(Url($"/api/services/{service}/configuration/versions")));
        Assert.Empty(versions.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ServiceKey_ReachesOwnConfigurationOnly_OtherServicesAre404()
    {
        var mine = await app.CreateServiceAsync();
        var theirs = await app.CreateServiceAsync();
        Assert.Equal(HttpStatusCode.Created, (await PutAsync(app.Admin, theirs, Minimal(theirs))).StatusCode);
        using var client = app.Factory.CreateClientWithKey(await app.CreateKeyAsync(mine));

        Assert.Equal(HttpStatusCode.Created, (await PutAsync(client, mine, Minimal(mine))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(client, theirs, Minimal(theirs))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url($"/api/services/{theirs}/configuration"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url($"/api/services/{theirs}/configuration/versions"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.GetAsync(Url("/api/services/no-such-service/configuration"))).StatusCode);
        Assert.Single((await CatalogApp.JsonAsync(await app.Admin.GetAsync(Url($"/api/services/{theirs}/configuration/versions")))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Put_WithoutKey_401()
    {
        var service = await app.CreateServiceAsync();
        using var anonymous = app.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PutAsync(anonymous, service, Minimal(service))).StatusCode);
    }

    [Fact]
    public async Task Put_Warnings_AreReturnedWithTheSave()
    {
        var service = await app.CreateServiceAsync();
        var text = $"service: {service}\npack: aspnet-minimal-api\nspells:\n  http-call:\n    calls:\n      quote:\n        requests: {{ a: \"https://a.example/x\" }}\n";

        var put = await PutAsync(app.Admin, service, text);

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var warning = Assert.Single((await CatalogApp.JsonAsync(put)).GetProperty("warnings").EnumerateArray());
        Assert.Equal(("spells.http-call.calls.quote", "warning"), (warning.GetProperty("path").GetString(), warning.GetProperty("severity").GetString()));
    }
}
