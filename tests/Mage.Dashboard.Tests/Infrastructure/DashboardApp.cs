using System.Net.Http.Json;
using Mage.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real app on real Kestrel (a browser cannot reach the in-memory test server), listening on
/// a free loopback port, on the test run's Azurite with its own task hub, admin key and work root.
/// </summary>
public sealed class DashboardApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private DashboardApp(Dictionary<string, string?> settings) => _settings = settings;

    /// <summary>The admin key this instance accepts.</summary>
    public string AdminKey => _settings["Mage:AdminKey"]!;

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:43123</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Starts the app and waits until it answers <c>/api/health</c>.</summary>
    public static async Task<DashboardApp> StartAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "dash");
        settings["urls"] = "http://127.0.0.1:0";
        var app = new DashboardApp(settings);
        app.UseKestrel();
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        app.BaseUrl = addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/');

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var health = await http.GetFromJsonAsync<Dictionary<string, object>>("/api/health");
        if (health?["status"]?.ToString() != "ok")
        {
            throw new InvalidOperationException($"The app at {app.BaseUrl} is not healthy.");
        }

        return app;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
