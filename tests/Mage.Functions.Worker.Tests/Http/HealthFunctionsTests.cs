using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class HealthFunctionsTests
{
    [Fact]
    public async Task Health_WithoutKey_SameAnswerAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();

        var answer = await hosts.AssertSameAnswerAsync<HealthFunctions>(RequestSpec.WithKey(HttpMethod.Get, "/api/health", null),
            (f, r) => f.Health(r));

        Assert.Equal(200, answer.Status);
        Assert.Contains("\"storage\":\"ok\"", answer.Body, StringComparison.Ordinal);
    }
}
