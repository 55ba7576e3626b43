using System.Net.Http.Json;
using System.Text;
using Mage.Testing;

namespace Mage.Functions.Worker.Tests.Infrastructure;

/// <summary>State created through the standalone app (admin key), for both hosts to read.</summary>
public static class Seed
{
    /// <summary>A new service with a unique name; returns the name.</summary>
    public static async Task<string> ServiceAsync(TwoHosts hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var service = TestNames.Unique("svc");
        using var client = AdminClient(hosts);
        var response = await client.PutAsJsonAsync(new Uri($"/api/services/{service}", UriKind.Relative), new { displayName = "Orders" });
        Assert.True(response.IsSuccessStatusCode, $"creating {service}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return service;
    }

    /// <summary>Sends <paramref name="body"/> to <paramref name="path"/> with the admin key and asserts success.</summary>
    public static async Task SendAsync(TwoHosts hosts, HttpMethod method, string path, string body, string contentType)
    {
        using var client = AdminClient(hosts);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static HttpClient AdminClient(TwoHosts hosts)
    {
        var client = hosts.Standalone.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", hosts.AdminKey);
        return client;
    }
}
