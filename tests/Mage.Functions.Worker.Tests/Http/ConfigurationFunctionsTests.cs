using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;

namespace Mage.Functions.Worker.Tests.Http;

public sealed class ConfigurationFunctionsTests
{
    [Fact]
    public async Task Configuration_SavedVersionAndVersionsAndInvalidSave_SameAnswersAsStandalone()
    {
        await using var hosts = await TwoHosts.StartAsync();
        var service = await Seed.ServiceAsync(hosts);
        await Seed.SendAsync(hosts, HttpMethod.Put, $"/api/services/{service}/configuration", Configuration(service), "application/yaml");

        var saved = await hosts.AssertSameAnswerAsync<ConfigurationFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/configuration", hosts.AdminKey),
            (f, r) => f.Configuration(r));
        await hosts.AssertSameAnswerAsync<ConfigurationFunctions>(RequestSpec.WithKey(HttpMethod.Get, $"/api/services/{service}/configuration/versions", hosts.AdminKey),
            (f, r) => f.ConfigurationVersions(r));
        var invalid = await hosts.AssertSameAnswerAsync<ConfigurationFunctions>(
            RequestSpec.WithKey(HttpMethod.Put, $"/api/services/{service}/configuration", hosts.AdminKey).WithBody("service: [unclosed\n", "application/yaml"),
            (f, r) => f.Configuration(r));

        Assert.Equal(200, saved.Status);
        Assert.Equal(Configuration(service), saved.Body);
        Assert.Equal("1", saved.Headers["x-mage-configuration-version"]);
        Assert.Equal(400, invalid.Status);
    }

    private static string Configuration(string service) => $"""
        service: {service}
        pack: aspnet-minimal-api
        model:
          Customer:
            fields:
              id: {"{"} type: guid, key: true {"}"}
        spells: [crud]

        """;
}
