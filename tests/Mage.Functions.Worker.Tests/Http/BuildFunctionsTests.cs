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

        var list = await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/builds", hosts.AdminKey),
            (p, r) => new BuildFunctions(p).ServiceBuilds(r));
        var unknown = await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Get, "/api/builds/b-unknown", hosts.AdminKey),
            (p, r) => new BuildFunctions(p).Build(r));
        await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Post, "/api/builds/b-unknown/kill", hosts.AdminKey),
            (p, r) => new BuildFunctions(p).KillBuild(r));
        await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Get, "/api/builds/b-unknown/manifest", hosts.AdminKey),
            (p, r) => new BuildFunctions(p).BuildManifest(r));
        var invalid = await hosts.AssertSameAnswerAsync(
            RequestSpec.WithKey(HttpMethod.Post, $"/api/services/{service}/builds", hosts.AdminKey)
                .WithBody("{\"tag\":\"not a tag!\",\"manifest\":\"stages: [build]\\njobs:\\n  a:\\n    stage: elsewhere\\n\"}", "application/json"),
            (p, r) => new BuildFunctions(p).ServiceBuilds(r));

        Assert.Equal(200, list.Status);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(400, invalid.Status);
    }
}
