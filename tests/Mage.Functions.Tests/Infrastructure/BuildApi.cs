using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mage.Functions.Endpoints.Builds;

namespace Mage.Functions.Tests.Infrastructure;

/// <summary>Typed calls on the build routes for tests, with bounded waits.</summary>
public sealed class BuildApi(HttpClient client)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The client in use.</summary>
    public HttpClient Client => client;

    /// <summary>Creates (or updates) a service with no repository.</summary>
    public async Task CreateServiceAsync(string service)
    {
        var response = await client.PutAsJsonAsync(new Uri($"/api/services/{service}", UriKind.Relative), new { displayName = service });
        Assert.True(response.IsSuccessStatusCode, $"creating service {service}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Submits a build and returns the raw response.</summary>
    public Task<HttpResponseMessage> SubmitAsync(string service, string tag, string? manifest, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/services/{service}/builds", UriKind.Relative))
        {
            Content = JsonContent.Create(new { tag, manifest }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>Submits a build that must be accepted.</summary>
    public async Task<BuildAccepted> SubmitAcceptedAsync(string service, string tag, string manifest)
    {
        var response = await SubmitAsync(service, tag, manifest);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submit: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<BuildAccepted>(Json))!;
    }

    /// <summary>Reads a build.</summary>
    public async Task<BuildView> GetAsync(string id) =>
        (await client.GetFromJsonAsync<BuildView>(new Uri($"/api/builds/{id}", UriKind.Relative), Json))!;

    /// <summary>Polls until the build is in one of <paramref name="statuses"/>, failing after <paramref name="timeout"/>.</summary>
    public async Task<BuildView> WaitForAsync(string id, TimeSpan timeout, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + timeout;
        BuildView build;
        do
        {
            build = await GetAsync(id);
            if (statuses.Contains(build.Status))
            {
                return build;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"build {id} is {build.Status} after {timeout}, expected {string.Join(" or ", statuses)}; error: {build.Error}");
        return build;
    }

    /// <summary>Waits for any final status.</summary>
    public Task<BuildView> WaitForEndAsync(string id, TimeSpan? timeout = null) =>
        WaitForAsync(id, timeout ?? TimeSpan.FromSeconds(60), "passed", "passed_with_failures", "failed", "killed", "timed_out");

    /// <summary>Reads a job's whole log.</summary>
    public Task<string> LogAsync(string id, string job) =>
        client.GetStringAsync(new Uri($"/api/builds/{id}/jobs/{Uri.EscapeDataString(job)}/log", UriKind.Relative));
}
