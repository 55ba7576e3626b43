using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class ServiceFunctionsTests
{
    [Fact]
    public async Task Services_ReadWithHeaderKeyQueryKeyOrNoKey_SameAnswersAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();
        var service = await Seed.ServiceAsync(hosts);

        var one = await hosts.AssertSameAnswerAsync<ServiceFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}", hosts.AdminKey),
            (f, r) => f.Service(r));
        await hosts.AssertSameAnswerAsync<ServiceFunctions>(RequestSpec.WithKey(HttpMethod.Get, "/api/services", hosts.AdminKey),
            (f, r) => f.Services(r));
        var byQuery = await hosts.AssertSameAnswerAsync<ServiceFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}?code={Uri.EscapeDataString(hosts.AdminKey)}", null),
            (f, r) => f.Service(r));
        var noKey = await hosts.AssertSameAnswerAsync<ServiceFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}", null),
            (f, r) => f.Service(r));
        var wrongKey = await hosts.AssertSameAnswerAsync<ServiceFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}", "not-" + hosts.AdminKey),
            (f, r) => f.Service(r));

        Assert.Equal(200, one.Status);
        Assert.Equal(one.Body, byQuery.Body);
        Assert.Equal(401, noKey.Status);
        Assert.Equal(401, wrongKey.Status);
    }

    [Fact]
    public async Task ServiceKeys_ListAndInvalidService_SameAnswersAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();
        var service = await Seed.ServiceAsync(hosts);

        var keys = await hosts.AssertSameAnswerAsync<ServiceFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/keys", hosts.AdminKey),
            (f, r) => f.ServiceKeys(r));
        var invalid = await hosts.AssertSameAnswerAsync<ServiceFunctions>(
            RequestSpec.WithKey(HttpMethod.Put, "/api/services/Not_A_Name", hosts.AdminKey).WithBody("{\"displayName\":\"x\"}", "application/json"),
            (f, r) => f.Service(r));

        Assert.Equal(200, keys.Status);
        Assert.Equal(400, invalid.Status);
    }
}
