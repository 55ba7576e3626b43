using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class VariableFunctionsTests
{
    [Fact]
    public async Task Variables_MaskedValueListAndOne_SameAnswersAsStandaloneAndNeverTheSecret()
    {
        await using var hosts = await TwoHosts.StartAsync();
        var service = await Seed.ServiceAsync(hosts);
        await Seed.SendAsync(hosts, HttpMethod.Put, $"/api/services/{service}/variables/API_TOKEN", "{\"value\":\"s3cret-value\",\"masked\":true}", "application/json");

        var list = await hosts.AssertSameAnswerAsync<VariableFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/variables", hosts.AdminKey),
            (f, r) => f.Variables(r));
        var one = await hosts.AssertSameAnswerAsync<VariableFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/variables/API_TOKEN", hosts.AdminKey),
            (f, r) => f.Variable(r));

        Assert.Equal(200, one.Status);
        Assert.DoesNotContain("s3cret-value", list.Body + one.Body, StringComparison.Ordinal);
    }
}
