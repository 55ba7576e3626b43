using System.Net;
using System.Net.Http.Json;

namespace Mage.Functions.Tests.Endpoints.Catalog;

public sealed class ServiceEndpointsTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task PutService_New_CreatedWithLocationAndTokenHidden()
    {
        var name = CatalogApp.NewServiceName();

        var response = await app.Admin.PutAsJsonAsync(Url($"/api/services/{name}"), new
        {
            displayName = "API",
            repository = new { provider = "git", url = "git@gitlab.com:group/api.git", targetBranch = "main", token = "glpat-TopSecretToken" },
            defaultManifest = "driver:\n  type: local\n",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/services/{name}", response.Headers.Location?.OriginalString);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("TopSecret", text, StringComparison.Ordinal);
        var body = await CatalogApp.JsonAsync(response);
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal("API", body.GetProperty("displayName").GetString());
        Assert.True(body.GetProperty("repository").GetProperty("tokenSet").GetBoolean());
        Assert.Equal("git@gitlab.com:group/api.git", body.GetProperty("repository").GetProperty("url").GetString());
    }

    [Fact]
    public async Task PutService_ExistingWithoutToken_OkAndTokenKept()
    {
        var name = await app.CreateServiceAsync();

        var response = await app.Admin.PutAsJsonAsync(Url($"/api/services/{name}"), new { displayName = "Renamed", repository = new { provider = "gitlab", url = "https://gitlab.example.com/g/p.git" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await CatalogApp.JsonAsync(response);
        Assert.Equal("Renamed", body.GetProperty("displayName").GetString());
        Assert.True(body.GetProperty("repository").GetProperty("tokenSet").GetBoolean());
    }

    [Fact]
    public async Task PutService_EmptyToken_TokenCleared()
    {
        var name = await app.CreateServiceAsync();

        var response = await app.Admin.PutAsJsonAsync(Url($"/api/services/{name}"), new { repository = new { provider = "gitlab", url = "https://gitlab.example.com/g/p.git", token = "" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await CatalogApp.JsonAsync(response)).GetProperty("repository").GetProperty("tokenSet").GetBoolean());
    }

    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("-leading-dash")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public async Task PutService_BadName_BadRequestNamingRule(string name)
    {
        var response = await app.Admin.PutAsJsonAsync(Url($"/api/services/{name}"), new { displayName = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await CatalogApp.JsonAsync(response);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Contains("^[a-z0-9][a-z0-9-]{0,62}$", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("name", body.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task PutService_BadProviderUrlAndBranch_BadRequestListingEveryProblem()
    {
        var response = await app.Admin.PutAsJsonAsync(Url($"/api/services/{CatalogApp.NewServiceName()}"), new
        {
            repository = new { provider = "github", url = "ftp://example.com/x", targetBranch = "a..b", token = "glpat-TopSecretToken" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("TopSecret", text, StringComparison.Ordinal);
        var body = await CatalogApp.JsonAsync(response);
        var paths = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["repository.provider", "repository.url", "repository.targetBranch"], paths);
        Assert.All(body.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task PutService_GitlabWithScpUrl_BadRequestOnUrl()
    {
        var response = await app.Admin.PutAsJsonAsync(Url($"/api/services/{CatalogApp.NewServiceName()}"), new { repository = new { provider = "gitlab", url = "git@gitlab.com:g/p.git" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("repository.url", (await CatalogApp.JsonAsync(response)).GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task GetServices_Admin_ListsCreatedWithoutSecrets()
    {
        var name = await app.CreateServiceAsync();

        var response = await app.Admin.GetAsync(Url("/api/services"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("TopSecret", text, StringComparison.Ordinal);
        var names = (await CatalogApp.JsonAsync(response)).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("name").GetString());
        Assert.Contains(name, names);
    }

    [Fact]
    public async Task GetService_Existing_OkWithoutSecrets()
    {
        var name = await app.CreateServiceAsync();

        var response = await app.Admin.GetAsync(Url($"/api/services/{name}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("TopSecret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"token\"", text, StringComparison.Ordinal);
        Assert.True((await CatalogApp.JsonAsync(response)).GetProperty("repository").GetProperty("tokenSet").GetBoolean());
    }

    [Fact]
    public async Task GetService_Unknown_NotFoundProblem()
    {
        var response = await app.Admin.GetAsync(Url("/api/services/does-not-exist-here"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("does not exist", (await CatalogApp.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetService_Typo_NamesTheNearestServiceAndHowToListOrCreate()
    {
        var name = await app.CreateServiceAsync();
        var typo = name.Remove(6, 1);

        var response = await app.Admin.GetAsync(Url($"/api/services/{typo}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var detail = (await CatalogApp.JsonAsync(response)).GetProperty("detail").GetString();
        Assert.Equal(
            $"service {typo} does not exist. Did you mean {name}? List the services this key can see with GET /api/services; create one with PUT /api/services/{{name}} (admin key).",
            detail);
    }

    [Fact]
    public async Task GetService_TypoWithAServiceKey_SuggestsOnlyServicesThatKeySees()
    {
        var mine = await app.CreateServiceAsync();
        var other = await app.CreateServiceAsync();
        using var keyOfMine = app.Factory.CreateClientWithKey(await app.CreateKeyAsync(mine));

        var nearOther = await CatalogApp.JsonAsync(await keyOfMine.GetAsync(Url($"/api/services/{other.Remove(6, 1)}")));
        var nearMine = await CatalogApp.JsonAsync(await keyOfMine.GetAsync(Url($"/api/services/{mine.Remove(6, 1)}/variables")));

        Assert.DoesNotContain(other, nearOther.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", nearOther.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains($"Did you mean {mine}?", nearMine.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
