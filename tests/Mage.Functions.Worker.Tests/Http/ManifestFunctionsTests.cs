using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class ManifestFunctionsTests
{
    [Fact]
    public async Task ValidateManifest_InvalidYaml_SameErrorsAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();
        var request = RequestSpec.WithKey(HttpMethod.Post, "/api/manifests/validate", hosts.AdminKey)
            .WithBody("driver: { type: local }\nstages: [build]\njobs:\n  - { stage: nowhere, name: compile, commands: [\"true\"] }\n", "application/yaml");

        var answer = await hosts.AssertSameAnswerAsync<ManifestFunctions>(request,
            (f, r) => f.ValidateManifest(r));

        Assert.Equal(400, answer.Status);
        Assert.Contains("nowhere", answer.Body, StringComparison.Ordinal);
    }
}
