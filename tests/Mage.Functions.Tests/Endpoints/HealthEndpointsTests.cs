using System.Net;
using System.Net.Http.Json;
using Mage.Azurite;
using Mage.Functions.Endpoints;
using Mage.Functions.Tests.Infrastructure;

namespace Mage.Functions.Tests.Endpoints;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task GetHealth_StorageAnswers_OkWithoutKey()
    {
        await using var app = await MageAppFactory.CreateAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<HealthResponse>();
        Assert.Equal("ok", body!.Status);
        Assert.Equal("ok", body.Storage);
        Assert.False(string.IsNullOrEmpty(body.Version));
    }

    [Fact]
    public async Task GetHealth_NothingListensOnStorage_ServiceUnavailable()
    {
        // A port that was free a moment ago: connections are refused.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var dead = $"DefaultEndpointsProtocol=http;AccountName={AzuriteLauncher.DevelopmentAccountName};AccountKey={AzuriteLauncher.DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{port}/{AzuriteLauncher.DevelopmentAccountName};QueueEndpoint=http://127.0.0.1:{port}/{AzuriteLauncher.DevelopmentAccountName};TableEndpoint=http://127.0.0.1:{port}/{AzuriteLauncher.DevelopmentAccountName};";
        await using var app = await MageAppFactory.CreateAsync(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = dead });
        using var client = app.CreateClient();

        var started = DateTime.UtcNow;
        var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<HealthResponse>();
        Assert.Equal("unreachable", body!.Storage);
        Assert.True(DateTime.UtcNow - started < HealthEndpoints.ProbeTimeout + TimeSpan.FromSeconds(5), "health must answer within its probe timeout");
    }
}
