using System.Net;
using System.Net.Http.Json;

namespace Mage.Functions.Tests.Endpoints.Catalog;

public sealed class CatalogIsolationTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    /// <summary>Every catalog route of a service: method, path below the service, whether admin-only.</summary>
    public static TheoryData<string, string, bool> ServiceRoutes => new()
    {
        { "GET", "", false },
        { "PUT", "", true },
        { "POST", "/keys", true },
        { "GET", "/keys", true },
        { "DELETE", "/keys/0123456789abcdef", true },
        { "GET", "/objects", false },
        { "PUT", "/objects/a.bin", false },
        { "GET", "/objects/a.bin", false },
        { "DELETE", "/objects/a.bin", false },
        { "GET", "/variables", false },
        { "PUT", "/variables/KEY", false },
        { "GET", "/variables/KEY", false },
        { "DELETE", "/variables/KEY", false },
    };

    [Theory]
    [MemberData(nameof(ServiceRoutes))]
    public async Task Route_KeyOfAnotherService_NotFoundOrForbidden(string method, string path, bool adminOnly)
    {
        var a = await app.CreateServiceAsync();
        var b = await app.CreateServiceAsync();
        await app.Admin.PutAsJsonAsync(new Uri($"/api/services/{b}/variables/KEY", UriKind.Relative), new { value = "b-value" });
        using var keyOfA = app.Factory.CreateClientWithKey(await app.CreateKeyAsync(a));

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri($"/api/services/{b}{path}", UriKind.Relative))
        {
            Content = method is "PUT" ? JsonContent.Create(new { value = "changed", displayName = "x" }) : null,
        };
        var response = await keyOfA.SendAsync(request);

        Assert.Equal(adminOnly ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (!adminOnly)
        {
            Assert.Contains("does not exist", (await CatalogApp.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var value = await CatalogApp.JsonAsync(await app.Admin.GetAsync(new Uri($"/api/services/{b}/variables/KEY", UriKind.Relative)));
        Assert.Equal("b-value", value.GetProperty("value").GetString());
    }

    [Fact]
    public async Task ServiceKey_OwnService_ReadsItAndManagesVariablesAndObjects()
    {
        var a = await app.CreateServiceAsync();
        await app.CreateServiceAsync();
        using var keyOfA = app.Factory.CreateClientWithKey(await app.CreateKeyAsync(a));

        var list = await CatalogApp.JsonAsync(await keyOfA.GetAsync(new Uri("/api/services", UriKind.Relative)));
        var put = await keyOfA.PutAsJsonAsync(new Uri($"/api/services/{a}/variables/REGION", UriKind.Relative), new { value = "eu" });
        using var bytes = new ByteArrayContent([1, 2, 3]);
        var upload = await keyOfA.PutAsync(new Uri($"/api/services/{a}/objects/x.bin", UriKind.Relative), bytes);

        Assert.Equal([a], list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keyOfA.GetAsync(new Uri($"/api/services/{a}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await keyOfA.PostAsync(new Uri($"/api/services/{a}/keys", UriKind.Relative), null)).StatusCode);
    }
}
