using System.Net;
using System.Net.Http.Json;
using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Builds.Logs;
using Mage.Functions.Tests.Infrastructure;
using Mage.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Tests.Endpoints.Builds;

/// <summary>Bad input, limits and concurrency around the build trigger.</summary>
public sealed class BuildEdgeTests
{
    private const string Trivial = """
        driver: { type: local }
        stages: [one]
        jobs:
          - { stage: one, commands: ["true"] }
        """;

    [Fact]
    public async Task Submit_BadInputs_AnsweredWithExactProblems()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);

        Assert.Equal(HttpStatusCode.NotFound, (await api.SubmitAsync("no-such-service", "v1", Trivial)).StatusCode);

        var badTag = await api.SubmitAsync(service, "bad tag..lock", Trivial);
        Assert.Equal(HttpStatusCode.BadRequest, badTag.StatusCode);
        var badTagProblem = await badTag.Content.ReadAsStringAsync();
        Assert.Contains("tag must not contain spaces", badTagProblem, StringComparison.Ordinal);
        // A request field has no place in a document: no "line":0,"column":0.
        Assert.DoesNotContain("\"line\"", badTagProblem, StringComparison.Ordinal);
        Assert.DoesNotContain("\"column\"", badTagProblem, StringComparison.Ordinal);

        var badManifest = await api.SubmitAsync(service, "v1", "driver: { type: local }\nstages: [a]\njobs:\n  - { stage: b, commands: [x] }\n");
        Assert.Equal(HttpStatusCode.BadRequest, badManifest.StatusCode);
        var problem = await badManifest.Content.ReadAsStringAsync();
        Assert.Contains("\"line\":4", problem, StringComparison.Ordinal);
        Assert.Contains("not listed in stages", problem, StringComparison.Ordinal);

        var docker = await api.SubmitAsync(service, "v1", "driver: { type: docker, image: golang, workspace: /go }\nstages: [a]\njobs:\n  - { stage: a, commands: [x] }\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, docker.StatusCode);
        Assert.Contains("driver docker is not enabled on this deployment", await docker.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Without a manifest a build is a Mage build, which needs a saved configuration.
        var noManifest = await api.SubmitAsync(service, "v1", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noManifest.StatusCode);
        Assert.Contains("has no saved configuration", await noManifest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SameTagWhileRunning_ConflictThenAcceptedAfterKill()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);
        var first = await api.SubmitAcceptedAsync(service, "v2", "driver: { type: local }\nstages: [a]\njobs:\n  - { stage: a, commands: [\"sleep 600\"] }\n");

        var second = await api.SubmitAsync(service, "v2", Trivial);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(first.Id, await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await api.Client.PostAsync(new Uri($"/api/builds/{first.Id}/kill", UriKind.Relative), null);
        await api.WaitForEndAsync(first.Id);
        var third = await api.SubmitAcceptedAsync(service, "v2", Trivial);
        Assert.Equal(2, third.Number);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKey_ReturnsTheSameBuild()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);

        var a = await (await api.SubmitAsync(service, "v3", Trivial, idempotencyKey: "retry-1")).Content.ReadFromJsonAsync<Mage.Functions.Endpoints.Builds.BuildAccepted>();
        var b = await (await api.SubmitAsync(service, "v3", Trivial, idempotencyKey: "retry-1")).Content.ReadFromJsonAsync<Mage.Functions.Endpoints.Builds.BuildAccepted>();

        Assert.Equal(a!.Id, b!.Id);
        Assert.Equal("passed", (await api.WaitForEndAsync(a.Id)).Status);
    }

    [Fact]
    public async Task Submit_TwentyConcurrentBuilds_NumberedOneToTwentyAndAllPass()
    {
        // Numbers are gapless and unique under concurrent submits.
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);

        var accepted = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => api.SubmitAcceptedAsync(service, $"c{i}", Trivial)));
        var builds = await Task.WhenAll(accepted.Select(a => api.WaitForEndAsync(a.Id, TimeSpan.FromSeconds(120))));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), accepted.Select(a => a.Number).Order());
        Assert.All(builds, b => Assert.Equal("passed", b.Status));
        var page = await api.Client.GetFromJsonAsync<Mage.Functions.Endpoints.Builds.BuildPage>(new Uri($"/api/services/{service}/builds?top=5", UriKind.Relative));
        Assert.Equal([20L, 19, 18, 17, 16], page!.Items.Select(i => i.Number));
        Assert.NotNull(page.ContinuationToken);
    }

    [Fact]
    public async Task Submit_MaskedVariablePrinted_LogShowsOnlyMask()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);
        const string secret = "s3cr3t-value-do-not-leak";
        var put = await api.Client.PutAsJsonAsync(new Uri($"/api/services/{service}/variables/DEPLOY_TOKEN", UriKind.Relative), new { value = secret, masked = true });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var accepted = await api.SubmitAcceptedAsync(service, "v1", """
            driver: { type: local }
            stages: [leak]
            jobs:
              - stage: leak
                name: leak
                commands:
                  - echo "token=$DEPLOY_TOKEN"
                  # The value split in two writes more than a flush interval apart: still masked.
                  - sh -c 'printf "%s" "$(printf "%s" "$DEPLOY_TOKEN" | cut -c1-6)"; sleep 1.5; printf "%s\n" "$DEPLOY_TOKEN" | cut -c7-'
            """);
        var build = await api.WaitForEndAsync(accepted.Id);
        var log = await api.LogAsync(accepted.Id, "leak");

        Assert.Equal("passed", build.Status);
        Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-leak", log, StringComparison.Ordinal);
        Assert.Contains("token=xxxxxx", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_DriverSlowerThanLimit_TimedOutWithDjinnMessageAndLateDriverDestroyed()
    {
        var slow = new SlowDriver(TimeSpan.FromSeconds(4));
        await using var factory = await MageAppFactory.CreateAsync(new Dictionary<string, string?> { ["Mage:DriverCreateTimeout"] = "00:00:01" });
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IBuildDriver>(slow)));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", factory.AdminKey);
        var api = new BuildApi(client);
        var service = TestNames.Unique("svc");
        await api.CreateServiceAsync(service);

        var accepted = await api.SubmitAcceptedAsync(service, "v1", Trivial);
        var build = await api.WaitForEndAsync(accepted.Id, TimeSpan.FromSeconds(20));

        Assert.Equal("timed_out", build.Status);
        Assert.Equal("driver creation exceeded 1s", build.Error);
        // The driver that became ready after the limit must not outlive the build.
        var destroyed = await slow.Destroyed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(accepted.Id, destroyed);
    }

    /// <summary>A local driver whose creation takes longer than the limit.</summary>
    private sealed class SlowDriver(TimeSpan delay) : IBuildDriver
    {
        public string Type => LocalDriver.TypeName;

        public async Task<DriverHandle> CreateAsync(DriverCreateRequest request, IJobOutput log, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return HandleFor(request.BuildId);
        }

        public Task<JobRunResult> RunJobAsync(DriverHandle handle, JobRunRequest job, IJobOutput output, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("never reached");

        public TaskCompletionSource<string> Destroyed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task DestroyAsync(DriverHandle handle, CancellationToken cancellationToken)
        {
            Destroyed.TrySetResult(handle.BuildId);
            return Task.CompletedTask;
        }

        public DriverHandle HandleFor(string buildId) => new(Type, buildId, Path.Combine(Path.GetTempPath(), buildId));
    }
}
