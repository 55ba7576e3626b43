using System.Net.Http.Json;
using System.Text;
using Mage.Testing;

namespace Mage.Functions.Worker.Tests.Infrastructure;

/// <summary>State created through the standalone app (admin key), for both hosts to read.</summary>
public static class Seed
{
    /// <summary>A new service with a unique name; returns the name.</summary>
    public static Task<string> ServiceAsync(TwoHosts hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        return ServiceAsync(hosts.Standalone, hosts.AdminKey);
    }

    /// <summary>A new service with a unique name, created through <paramref name="standalone"/>; returns the name.</summary>
    public static async Task<string> ServiceAsync(StandaloneApp standalone, string adminKey)
    {
        var service = TestNames.Unique("svc");
        using var client = AdminClient(standalone, adminKey);
        var response = await client.PutAsJsonAsync(new Uri($"/api/services/{service}", UriKind.Relative), new { displayName = "Orders" });
        Assert.True(response.IsSuccessStatusCode, $"creating {service}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return service;
    }

    /// <summary>Sends <paramref name="body"/> to <paramref name="path"/> with the admin key and asserts success.</summary>
    public static async Task SendAsync(TwoHosts hosts, HttpMethod method, string path, string body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        using var client = AdminClient(hosts.Standalone, hosts.AdminKey);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A client of <paramref name="standalone"/> that sends <paramref name="adminKey"/> as <c>x-functions-key</c>.</summary>
    public static HttpClient AdminClient(StandaloneApp standalone, string adminKey)
    {
        ArgumentNullException.ThrowIfNull(standalone);
        var client = standalone.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", adminKey);
        return client;
    }
}
