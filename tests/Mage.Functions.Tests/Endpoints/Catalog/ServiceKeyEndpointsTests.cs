using System.Net;

namespace Mage.Functions.Tests.Endpoints.Catalog;

public sealed class ServiceKeyEndpointsTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task PostKey_Admin_CreatedKeyShownOnceAndWorks()
    {
        var service = await app.CreateServiceAsync();

        var response = await app.Admin.PostAsync(Url($"/api/services/{service}/keys"), null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await CatalogApp.JsonAsync(response);
        var key = body.GetProperty("key").GetString()!;
        Assert.StartsWith("mage_svc_", key, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id").GetString()));
        Assert.True(body.TryGetProperty("createdAt", out _));
        using var client = app.Factory.CreateClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url($"/api/services/{service}"))).StatusCode);
    }

    [Fact]
    public async Task GetKeys_TwoKeys_ListsIdsNeverKeys()
    {
        var service = await app.CreateServiceAsync();
        var first = await app.CreateKeyAsync(service);
        var second = await app.CreateKeyAsync(service);

        var response = await app.Admin.GetAsync(Url($"/api/services/{service}/keys"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(first, text, StringComparison.Ordinal);
        Assert.DoesNotContain(second, text, StringComparison.Ordinal);
        var items = (await CatalogApp.JsonAsync(response)).GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), i => Assert.True(i.TryGetProperty("id", out _) && i.TryGetProperty("createdAt", out _)));
    }

    [Fact]
    public async Task DeleteKey_Revoked_NoContentAndKeyRejectedWhileOtherKeyWorks()
    {
        var service = await app.CreateServiceAsync();
        var created = await app.Admin.PostAsync(Url($"/api/services/{service}/keys"), null);
        var body = await CatalogApp.JsonAsync(created);
        var kept = await app.CreateKeyAsync(service);

        var response = await app.Admin.DeleteAsync(Url($"/api/services/{service}/keys/{body.GetProperty("id").GetString()}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var revokedClient = app.Factory.CreateClientWithKey(body.GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revokedClient.GetAsync(Url($"/api/services/{service}"))).StatusCode);
        using var keptClient = app.Factory.CreateClientWithKey(kept);
        Assert.Equal(HttpStatusCode.OK, (await keptClient.GetAsync(Url($"/api/services/{service}"))).StatusCode);
    }

    [Fact]
    public async Task DeleteKey_Unknown_NotFound()
    {
        var service = await app.CreateServiceAsync();

        var response = await app.Admin.DeleteAsync(Url($"/api/services/{service}/keys/0123456789abcdef"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostKey_UnknownService_NotFound()
    {
        var response = await app.Admin.PostAsync(Url("/api/services/no-such-service/keys"), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("does not exist", (await CatalogApp.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
