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

        var one = await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}", hosts.AdminKey),
            (p, r) => new ServiceFunctions(p).Service(r));
        await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Get, "/api/services", hosts.AdminKey),
            (p, r) => new ServiceFunctions(p).Services(r));
        var byQuery = await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}?code={Uri.EscapeDataString(hosts.AdminKey)}", null),
            (p, r) => new ServiceFunctions(p).Service(r));
        var noKey = await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}", null),
            (p, r) => new ServiceFunctions(p).Service(r));
        var wrongKey = await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}", "not-" + hosts.AdminKey),
            (p, r) => new ServiceFunctions(p).Service(r));

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

        var keys = await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/keys", hosts.AdminKey),
            (p, r) => new ServiceFunctions(p).ServiceKeys(r));
        var invalid = await hosts.AssertSameAnswerAsync(
            RequestSpec.WithKey(HttpMethod.Put, "/api/services/Not_A_Name", hosts.AdminKey).WithBody("{\"displayName\":\"x\"}", "application/json"),
            (p, r) => new ServiceFunctions(p).Service(r));

        Assert.Equal(200, keys.Status);
        Assert.Equal(400, invalid.Status);
    }
}
