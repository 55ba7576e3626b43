using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class WebhookFunctionsTests
{
    [Fact]
    public async Task Webhooks_ListMissingAndRefusedTarget_SameAnswersAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();
        var service = await Seed.ServiceAsync(hosts);

        var list = await hosts.AssertSameAnswerAsync<WebhookFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/webhooks", hosts.AdminKey),
            (f, r) => f.Webhooks(r));
        var missing = await hosts.AssertSameAnswerAsync<WebhookFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/webhooks/wh_missing/deliveries", hosts.AdminKey),
            (f, r) => f.WebhookDeliveries(r));
        var refused = await hosts.AssertSameAnswerAsync<WebhookFunctions>(
            RequestSpec.WithKey(HttpMethod.Post, $"/api/services/{service}/webhooks", hosts.AdminKey).WithBody("{\"url\":\"ftp://example.com/hook\"}", "application/json"),
            (f, r) => f.Webhooks(r));

        Assert.Equal(200, list.Status);
        Assert.Equal(404, missing.Status);
        Assert.Equal(400, refused.Status);
    }
}
