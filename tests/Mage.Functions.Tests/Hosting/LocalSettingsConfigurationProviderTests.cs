using Mage.Functions.Hosting;
using Microsoft.Extensions.Configuration;

namespace Mage.Functions.Tests.Hosting;

public sealed class LocalSettingsConfigurationProviderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mage-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_ValuesWithDoubleUnderscore_MapToSections()
    {
        var path = Write("""{ "IsEncrypted": false, "Values": { "Mage__TaskHub": "hub1", "AzureWebJobsStorage": "UseDevelopmentStorage=true" } }""");

        var configuration = new ConfigurationBuilder().Add(new LocalSettingsConfigurationSource(path)).Build();

        Assert.Equal("hub1", configuration["Mage:TaskHub"]);
        Assert.Equal("UseDevelopmentStorage=true", configuration["AzureWebJobsStorage"]);
    }

    [Fact]
    public void Load_MissingFile_YieldsNoValues()
    {
        var configuration = new ConfigurationBuilder().Add(new LocalSettingsConfigurationSource(Path.Combine(_folder, "absent.json"))).Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    [Fact]
    public void Load_MalformedJson_ThrowsNamingTheFile()
    {
        var path = Write("{ \"Values\": { \"A\": ");

        var ex = Assert.Throws<InvalidOperationException>(() => new ConfigurationBuilder().Add(new LocalSettingsConfigurationSource(path)).Build());

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLocalSettings_EnvironmentAndAppsettings_EnvironmentWinsThenLocalSettingsThenAppsettings()
    {
        // The precedence api.md promises: environment > local.settings.json > appsettings.
        var path = Write("""{ "Values": { "Mage__TaskHub": "from-local", "Mage__WorkRoot": "from-local" } }""");
        var variable = "MAGE_TEST_PRECEDENCE_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable("Mage__TaskHub", null);
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Mage:TaskHub"] = "from-appsettings", ["Mage:WorkRoot"] = "from-appsettings", ["Mage:BuildTimeout"] = "from-appsettings" })
            .AddInMemoryCollection(new Dictionary<string, string?> { [variable] = "x" });
        builder.Sources.Add(new Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource());
        Environment.SetEnvironmentVariable("Mage__WorkRoot", "from-environment");
        try
        {
            builder.AddLocalSettings(path);
            var configuration = builder.Build();

            Assert.Equal("from-environment", configuration["Mage:WorkRoot"]);
            Assert.Equal("from-local", configuration["Mage:TaskHub"]);
            Assert.Equal("from-appsettings", configuration["Mage:BuildTimeout"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Mage__WorkRoot", null);
        }
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "local.settings.json");
        File.WriteAllText(path, json);
        return path;
    }
}
