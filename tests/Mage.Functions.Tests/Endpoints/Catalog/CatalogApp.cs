using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mage.Functions.Tests.Infrastructure;

namespace Mage.Functions.Tests.Endpoints.Catalog;

/// <summary>One app per test class (xunit class fixture) plus helpers for the catalog routes.</summary>
public sealed class CatalogApp : IAsyncLifetime
{
    private MageAppFactory? _factory;

    public MageAppFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public HttpClient Admin { get; private set; } = null!;

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();

    public static string NewServiceName() => "svc-" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        _factory = await MageAppFactory.CreateAsync();
        Admin = _factory.CreateAdminClient();
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>Creates a service with a repository and token; returns its name.</summary>
    public async Task<string> CreateServiceAsync(string? name = null)
    {
        name ??= NewServiceName();
        var response = await Admin.PutAsJsonAsync(
            new Uri($"/api/services/{name}", UriKind.Relative),
            new { displayName = "Test", repository = new { provider = "gitlab", url = "https://gitlab.example.com/g/p.git", project = "g/p", targetBranch = "main", token = "glpat-TopSecretToken" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return name;
    }

    /// <summary>Creates a key for <paramref name="service"/> and returns it.</summary>
    public async Task<string> CreateKeyAsync(string service)
    {
        var response = await Admin.PostAsync(new Uri($"/api/services/{service}/keys", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("key").GetString()!;
    }
}
