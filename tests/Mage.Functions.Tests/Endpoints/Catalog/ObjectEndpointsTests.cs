using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Mage.Functions.Tests.Infrastructure;

namespace Mage.Functions.Tests.Endpoints.Catalog;

public sealed class ObjectEndpointsTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task PutObject_MultiMiBBody_CreatedListedDownloadedDeleted()
    {
        var service = await app.CreateServiceAsync();
        var bytes = RandomNumberGenerator.GetBytes(6 * 1024 * 1024 + 3);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");

        var put = await app.Admin.PutAsync(Url($"/api/services/{service}/objects/tools.tar"), content);

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var body = await CatalogApp.JsonAsync(put);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal("tools.tar", body.GetProperty("name").GetString());
        Assert.Equal(bytes.Length, body.GetProperty("size").GetInt64());
        Assert.Equal(sha, body.GetProperty("sha256").GetString());
        Assert.True(body.TryGetProperty("createdAt", out _));

        var list = await CatalogApp.JsonAsync(await app.Admin.GetAsync(Url($"/api/services/{service}/objects")));
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(sha, item.GetProperty("sha256").GetString());

        var get = await app.Admin.GetAsync(Url($"/api/services/{service}/objects/tools.tar"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("application/octet-stream", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync(Url($"/api/services/{service}/objects/tools.tar"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.DeleteAsync(Url($"/api/services/{service}/objects/tools.tar"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.GetAsync(Url($"/api/services/{service}/objects/tools.tar"))).StatusCode);
    }

    [Theory]
    [InlineData("bad%20name")]
    [InlineData("semi%3Bcolon")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task PutObject_BadName_BadRequest(string name)
    {
        var service = await app.CreateServiceAsync();
        using var content = new ByteArrayContent([1, 2, 3]);

        var response = await app.Admin.PutAsync(Url($"/api/services/{service}/objects/{name}"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("name", (await CatalogApp.JsonAsync(response)).GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task PutObject_LargerThanSetting_PayloadTooLargeNamingLimit()
    {
        await using var small = await MageAppFactory.CreateAsync(new Dictionary<string, string?> { ["Mage:Objects:MaxBytes"] = "1024" });
        using var admin = small.CreateAdminClient();
        var service = CatalogApp.NewServiceName();
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync(Url($"/api/services/{service}"), JsonContent.Create(new { displayName = "x" }))).StatusCode);

        using var content = new ByteArrayContent(new byte[1025]);
        var response = await admin.PutAsync(Url($"/api/services/{service}/objects/big.bin"), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await CatalogApp.JsonAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("1024 bytes", detail, StringComparison.Ordinal);
        Assert.Contains("Mage__Objects__MaxBytes", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"/api/services/{service}/objects/big.bin"))).StatusCode);

        using var exact = new ByteArrayContent(new byte[1024]);
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync(Url($"/api/services/{service}/objects/ok.bin"), exact)).StatusCode);
    }

    [Fact]
    public async Task GetObject_Missing_NotFound()
    {
        var service = await app.CreateServiceAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.GetAsync(Url($"/api/services/{service}/objects/missing.bin"))).StatusCode);
    }
}
