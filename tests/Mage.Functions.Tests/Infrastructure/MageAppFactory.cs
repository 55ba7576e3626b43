using System.Net.Http.Headers;
using Mage.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mage.Functions.Tests.Infrastructure;

/// <summary>
/// The real app in memory, on the test run's Azurite, with its own task hub, admin key and
/// work root so that factories in parallel tests never see each other's data.
/// </summary>
public sealed class MageAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private MageAppFactory(Dictionary<string, string?> settings) => _settings = settings;

    /// <summary>The admin key this instance accepts.</summary>
    public string AdminKey => _settings["Mage:AdminKey"]!;

    /// <summary>The task hub (table, queue and container prefix) of this instance.</summary>
    public string TaskHub => _settings["Mage:TaskHub"]!;

    /// <summary>Where this instance's drivers create workspaces (<c>Mage:WorkRoot</c>).</summary>
    public string WorkRoot => _settings["Mage:WorkRoot"]!;

    /// <summary>Creates an app on the shared Azurite; <paramref name="overrides"/> replace or add settings.</summary>
    public static async Task<MageAppFactory> CreateAsync(IDictionary<string, string?>? overrides = null)
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "hub");
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new MageAppFactory(settings);
    }

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient CreateAdminClient() => CreateClientWithKey(AdminKey);

    /// <summary>A client that sends <paramref name="key"/> in <c>x-functions-key</c>.</summary>
    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
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
