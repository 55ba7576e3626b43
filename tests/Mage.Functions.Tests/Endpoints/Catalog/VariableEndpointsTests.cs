using System.Net;
using System.Net.Http.Json;

namespace Mage.Functions.Tests.Endpoints.Catalog;

public sealed class VariableEndpointsTests(CatalogApp app) : IClassFixture<CatalogApp>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task PutVariable_MaskedAndPlain_CreatedThenOkAndMaskedReadsBackMasked()
    {
        var service = await app.CreateServiceAsync();

        var masked = await app.Admin.PutAsJsonAsync(Url($"/api/services/{service}/variables/DEPLOY_TOKEN"), new { value = "hunter2-secret", masked = true });
        var plain = await app.Admin.PutAsJsonAsync(Url($"/api/services/{service}/variables/REGION"), new { value = "eu" });
        var again = await app.Admin.PutAsJsonAsync(Url($"/api/services/{service}/variables/REGION"), new { value = "us", masked = false });

        Assert.Equal(HttpStatusCode.Created, masked.StatusCode);
        Assert.Equal($"/api/services/{service}/variables/DEPLOY_TOKEN", masked.Headers.Location?.OriginalString);
        Assert.Equal("xxxxxx", (await CatalogApp.JsonAsync(masked)).GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var one = await app.Admin.GetAsync(Url($"/api/services/{service}/variables/DEPLOY_TOKEN"));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var oneBody = await CatalogApp.JsonAsync(one);
        Assert.Equal("xxxxxx", oneBody.GetProperty("value").GetString());
        Assert.True(oneBody.GetProperty("masked").GetBoolean());

        var list = await app.Admin.GetAsync(Url($"/api/services/{service}/variables"));
        var text = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        var items = (await CatalogApp.JsonAsync(list)).GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("key").GetString(), i.GetProperty("value").GetString())).ToList();
        Assert.Equal([("DEPLOY_TOKEN", "xxxxxx"), ("REGION", "us")], items);
    }

    [Fact]
    public async Task DeleteVariable_ExistingThenMissing_NoContentThenNotFound()
    {
        var service = await app.CreateServiceAsync();
        await app.Admin.PutAsJsonAsync(Url($"/api/services/{service}/variables/REGION"), new { value = "eu" });

        var first = await app.Admin.DeleteAsync(Url($"/api/services/{service}/variables/REGION"));
        var second = await app.Admin.DeleteAsync(Url($"/api/services/{service}/variables/REGION"));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.GetAsync(Url($"/api/services/{service}/variables/REGION"))).StatusCode);
    }

    [Fact]
    public async Task PutVariable_ShortMaskedValue_BadRequestWithoutValue()
    {
        var service = await app.CreateServiceAsync();

        var response = await app.Admin.PutAsJsonAsync(Url($"/api/services/{service}/variables/PIN"), new { value = "12a4b", masked = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await CatalogApp.JsonAsync(response);
        Assert.Equal("value", body.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Contains("at least 6", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("12a4b", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1KEY")]
    [InlineData("MY-KEY")]
    [InlineData("MY.KEY")]
    public async Task PutVariable_BadKey_BadRequest(string key)
    {
        var service = await app.CreateServiceAsync();

        var response = await app.Admin.PutAsJsonAsync(Url($"/api/services/{service}/variables/{key}"), new { value = "v" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("key", (await CatalogApp.JsonAsync(response)).GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task PutVariable_UnknownService_NotFound()
    {
        var response = await app.Admin.PutAsJsonAsync(Url("/api/services/no-such-service/variables/KEY"), new { value = "v" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
