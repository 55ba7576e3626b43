using Mage.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mage.Cli.Tests.Infrastructure;

/// <summary>
/// The real Mage app in memory on the test run's Azurite, with its own task hub, keys and work
/// root, so that apps of test classes running in parallel never see each other's data.
/// </summary>
public sealed class CliAppFactory : WebApplicationFactory<global::Program>
{
    private readonly Dictionary<string, string?> _settings;

    private CliAppFactory(Dictionary<string, string?> settings) => _settings = settings;

    /// <summary>The admin key this app accepts.</summary>
    public string AdminKey => _settings["Mage:AdminKey"]!;

    /// <summary>The task hub (table, queue and container prefix).</summary>
    public string TaskHub => _settings["Mage:TaskHub"]!;

    /// <summary>Creates an app on the shared Azurite.</summary>
    public static async Task<CliAppFactory> CreateAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        return new CliAppFactory(TestAppSettings.Create(azurite.ConnectionString, "cli"));
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
