using System.Net;
using System.Text.Json;
using Mage.Functions.Tests.Infrastructure;
using Mage.Testing;

namespace Mage.Functions.Tests.Security;

public sealed class SubmitRateLimitingTests
{
    [Fact]
    public async Task Submit_OverLimitForOneKey_429WithRetryAfterWhileOtherKeysGoOn()
    {
        await using var app = await MageAppFactory.CreateAsync(new Dictionary<string, string?> { ["Mage:RateLimits:SubmitPerMinute"] = "2" });
        var admin = new BuildApi(app.CreateAdminClient());
        var service = TestNames.Unique("svc");
        await admin.CreateServiceAsync(service);
        var keyResponse = await admin.Client.PostAsync(new Uri($"/api/services/{service}/keys", UriKind.Relative), null);
        using var key = JsonDocument.Parse(await keyResponse.Content.ReadAsStringAsync());
        var serviceApi = new BuildApi(app.CreateClientWithKey(key.RootElement.GetProperty("key").GetString()!));

        // Invalid manifests are refused by the handler, after the limiter counted them: cheap requests that still count.
        var first = await serviceApi.SubmitAsync(service, "v1", "not: [valid");
        var second = await serviceApi.SubmitAsync(service, "v1", "not: [valid");
        var third = await serviceApi.SubmitAsync(service, "v1", "not: [valid");
        var otherKey = await admin.SubmitAsync(service, "v1", "not: [valid");
        var otherRoute = await serviceApi.Client.GetAsync(new Uri($"/api/services/{service}/builds", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.InRange(third.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Contains("Mage__RateLimits__SubmitPerMinute", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, otherKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherRoute.StatusCode);
    }
}
