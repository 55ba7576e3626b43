using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class ObjectFunctionsTests
{
    [Fact]
    public async Task Objects_ListOneAndMissing_SameAnswersAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();
        var service = await Seed.ServiceAsync(hosts);
        await Seed.SendAsync(hosts, HttpMethod.Put, $"/api/services/{service}/objects/settings.json", "{\"a\":1}", "application/octet-stream");

        await hosts.AssertSameAnswerAsync<ObjectFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/objects", hosts.AdminKey),
            (f, r) => f.Objects(r));
        var one = await hosts.AssertSameAnswerAsync<ObjectFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/objects/settings.json", hosts.AdminKey),
            (f, r) => f.Object(r));
        var missing = await hosts.AssertSameAnswerAsync<ObjectFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/objects/missing.bin", hosts.AdminKey),
            (f, r) => f.Object(r));

        Assert.Equal("{\"a\":1}", one.Body);
        Assert.Equal(404, missing.Status);
    }
}
