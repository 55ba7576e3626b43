using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class BuildFunctionsTests
{
    [Fact]
    public async Task Builds_ListUnknownKillManifestAndInvalidSubmit_SameAnswersAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();
        var service = await Seed.ServiceAsync(hosts);

        var list = await hosts.AssertSameAnswerAsync<BuildFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/builds", hosts.AdminKey),
            (f, r) => f.ServiceBuilds(r, hosts.DurableClient));
        var unknown = await hosts.AssertSameAnswerAsync<BuildFunctions>(RequestSpec.WithKey(HttpMethod.Get, "/api/builds/b-unknown", hosts.AdminKey),
            (f, r) => f.Build(r));
        await hosts.AssertSameAnswerAsync<BuildFunctions>(RequestSpec.WithKey(HttpMethod.Post, "/api/builds/b-unknown/kill", hosts.AdminKey),
            (f, r) => f.KillBuild(r, hosts.DurableClient));
        await hosts.AssertSameAnswerAsync<BuildFunctions>(RequestSpec.WithKey(HttpMethod.Get, "/api/builds/b-unknown/manifest", hosts.AdminKey),
            (f, r) => f.BuildManifest(r));
        var invalid = await hosts.AssertSameAnswerAsync<BuildFunctions>(
            RequestSpec.WithKey(HttpMethod.Post, $"/api/services/{service}/builds", hosts.AdminKey)
                .WithBody("{\"tag\":\"not a tag!\",\"manifest\":\"stages: [build]\\njobs:\\n  a:\\n    stage: elsewhere\\n\"}", "application/json"),
            (f, r) => f.ServiceBuilds(r, hosts.DurableClient));

        Assert.Equal(200, list.Status);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(400, invalid.Status);
    }
}
