using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mage.Functions.Endpoints.Builds;
using Mage.Testing;

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

    /// <summary>Waits until the log of <paramref name="job"/> contains <paramref name="text"/>; fails the test after 60 s.</summary>
    public async Task WaitForLogAsync(string id, string job, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri($"/api/builds/{id}/jobs/{Uri.EscapeDataString(job)}/log", UriKind.Relative));
            if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"job {job} of {id} never printed '{text}'");
    }

    /// <summary>The API of an app started as a process, with the admin key of its <paramref name="settings"/>.</summary>
    public static BuildApi Of(AppProcess app, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Add("x-functions-key", settings["Mage:AdminKey"]);
        return new BuildApi(http);
    }
}
