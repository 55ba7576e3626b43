using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class ArtifactFunctionsTests
{
    [Fact]
    public async Task Artifacts_UnknownBuildListAndDownload_SameAnswersAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();

        var list = await hosts.AssertSameAnswerAsync<ArtifactFunctions>(RequestSpec.WithKey(HttpMethod.Get, "/api/builds/b-unknown/artifacts", hosts.AdminKey),
            (f, r) => f.Artifacts(r));
        var download = await hosts.AssertSameAnswerAsync<ArtifactFunctions>(RequestSpec.WithKey(HttpMethod.Get, "/api/builds/b-unknown/artifacts/compile/out/app.dll", hosts.AdminKey),
            (f, r) => f.Artifact(r));

        Assert.Equal(404, list.Status);
        Assert.Equal(404, download.Status);
    }
}
