using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class ArtifactFunctionsTests
{
    [Fact]
    public async Task Artifacts_UnknownBuildListAndDownload_SameAnswersAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();

        var list = await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Get, "/api/builds/b-unknown/artifacts", hosts.AdminKey),
            (p, r) => new ArtifactFunctions(p).Artifacts(r));
        var download = await hosts.AssertSameAnswerAsync(RequestSpec.WithKey(HttpMethod.Get, "/api/builds/b-unknown/artifacts/compile/out/app.dll", hosts.AdminKey),
            (p, r) => new ArtifactFunctions(p).Artifact(r));

        Assert.Equal(404, list.Status);
        Assert.Equal(404, download.Status);
    }
}
