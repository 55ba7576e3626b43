using System.Net;
using System.Security.Cryptography;
using Mage.Functions.Tests.Infrastructure;

namespace Mage.Functions.Tests.Endpoints.Builds;

/// <summary>Real builds: the app, Azurite, /bin/sh jobs, git. Nothing is mocked.</summary>
public sealed class BuildFlowTests
{
    private const string MultiStage = """
        driver:
          type: os
        env:
          - GREETING=hello world
        stages:
          - build
          - test
        jobs:
          - stage: build
            commands:
              - mkdir -p out
              - echo "$GREETING from $MAGE_JOB of $MAGE_SERVICE" > out/greeting.txt
              - head -c 100000 /dev/urandom > out/blob.bin
            artifacts:
              - out/greeting.txt
              - out/blob.bin => data/blob.bin
          - stage: test
            name: check
            commands:
              - test -f out/greeting.txt
              - cat out/greeting.txt
        """;

    [Fact]
    public async Task Submit_PassingMultiStageManifest_PassesWithLogsAndArtifacts()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);

        var accepted = await api.SubmitAcceptedAsync(service, "v1.0.0", MultiStage);
        Assert.Equal(1, accepted.Number);
        Assert.Equal("queued", accepted.Status);

        var build = await api.WaitForEndAsync(accepted.Id);

        Assert.Equal("passed", build.Status);
        Assert.Equal("SUCCESS", build.MageStatus);
        Assert.Equal(["setup", "build", "test"], build.Stages.Select(s => s.Name));
        Assert.All(build.Stages.SelectMany(s => s.Jobs), j => Assert.Equal("passed", j.Status));
        Assert.Contains("hello world from build.1 of " + service, await api.LogAsync(accepted.Id, "check"), StringComparison.Ordinal);
        var artifacts = build.Stages[1].Jobs[0].Artifacts;
        Assert.Equal(["data/blob.bin", "greeting.txt"], artifacts.Select(a => a.Name).Order(StringComparer.Ordinal));
        var blob = artifacts.Single(a => a.Name == "data/blob.bin");
        var bytes = await api.Client.GetByteArrayAsync(new Uri(blob.Uri, UriKind.Relative));
        Assert.Equal(100000, bytes.Length);
        Assert.Equal(blob.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var missing = await api.Client.GetAsync(new Uri($"/api/builds/{accepted.Id}/artifacts/build.1/data/absent.bin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Range requests return exactly the asked bytes.
        using var ranged = new HttpRequestMessage(HttpMethod.Get, new Uri(blob.Uri, UriKind.Relative));
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(10, 19);
        var partial = await api.Client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[10..20], await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Submit_FailingJob_FailsAndSkipsLaterStages()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);

        var accepted = await api.SubmitAcceptedAsync(service, "v1", """
            driver: { type: local }
            stages: [build, deploy]
            jobs:
              - { stage: build, name: broken, commands: ["echo about to fail", "exit 3"] }
              - { stage: deploy, name: never, commands: ["echo should not run"] }
            """);
        var build = await api.WaitForEndAsync(accepted.Id);

        Assert.Equal("failed", build.Status);
        Assert.Contains("broken", build.Error, StringComparison.Ordinal);
        var broken = build.Stages[1].Jobs.Single();
        Assert.Equal(("failed", (int?)3), (broken.Status, broken.ExitCode));
        Assert.Equal("skipped", build.Stages[2].Jobs.Single().Status);
        Assert.Contains("about to fail", await api.LogAsync(accepted.Id, "broken"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FailureInAllowedStage_PassedWithFailures()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);

        var accepted = await api.SubmitAcceptedAsync(service, "v1", """
            driver: { type: local }
            stages: [lint, build]
            allow_failures: [lint]
            jobs:
              - { stage: lint, commands: ["false"] }
              - { stage: build, commands: ["true"] }
            """);
        var build = await api.WaitForEndAsync(accepted.Id);

        Assert.Equal("passed_with_failures", build.Status);
        Assert.Equal("SUCCESS", build.MageStatus);
        Assert.Equal("passed", build.Stages[2].Jobs.Single().Status);
    }

    [Fact]
    public async Task Kill_RunningBuild_KilledQuicklyAndLaterStagesNotRun()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);

        var accepted = await api.SubmitAcceptedAsync(service, "v1", """
            driver: { type: local }
            stages: [wait, after]
            jobs:
              - { stage: wait, name: sleeper, commands: ["echo started", "sleep 600"] }
              - { stage: after, commands: ["true"] }
            """);
        await WaitForJobAsync(api, accepted.Id, "sleeper", "running");
        var started = DateTime.UtcNow;

        var kill = await api.Client.PostAsync(new Uri($"/api/builds/{accepted.Id}/kill", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, kill.StatusCode);
        var build = await api.WaitForEndAsync(accepted.Id, TimeSpan.FromSeconds(30));

        Assert.Equal("killed", build.Status);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "kill must end the build within the grace period");
        Assert.Equal("killed", build.Stages[1].Jobs.Single().Status);
        Assert.Equal("skipped", build.Stages[2].Jobs.Single().Status);

        var again = await api.Client.PostAsync(new Uri($"/api/builds/{accepted.Id}/kill", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Submit_ManifestTimeoutExceeded_TimedOut()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);

        var accepted = await api.SubmitAcceptedAsync(service, "v1", """
            driver: { type: local }
            timeout: 2s
            stages: [wait]
            jobs:
              - { stage: wait, commands: ["sleep 600"] }
            """);
        var build = await api.WaitForEndAsync(accepted.Id, TimeSpan.FromSeconds(30));

        Assert.Equal("timed_out", build.Status);
        Assert.Contains("time limit of 2s", build.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SourcesFromLocalRepositoryAndMissingOne_ClonesOrFailsWithGitMessage()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);
        var repo = await GitFixture.CreateBareRepositoryAsync("README.md", "hello from git");

        var good = await api.SubmitAcceptedAsync(service, "good", $"""
            driver: {"{"} type: local {"}"}
            sources: ["file://{repo} => src"]
            stages: [check]
            jobs:
              - {"{"} stage: check, commands: ["cat src/README.md"] {"}"}
            """);
        var passed = await api.WaitForEndAsync(good.Id);
        Assert.Equal("passed", passed.Status);
        Assert.Contains("hello from git", await api.LogAsync(good.Id, "check.1"), StringComparison.Ordinal);

        var bad = await api.SubmitAcceptedAsync(service, "bad", """
            driver: { type: local }
            sources: ["file:///nonexistent/mage-missing.git"]
            stages: [check]
            jobs:
              - { stage: check, commands: ["true"] }
            """);
        var failed = await api.WaitForEndAsync(bad.Id);
        Assert.Equal("failed", failed.Status);
        Assert.Contains("clone.1", failed.Error, StringComparison.Ordinal);
        Assert.Contains("fatal:", await api.LogAsync(bad.Id, "clone.1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SourceServedByGitDaemon_ClonesOverTheNetwork()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);
        var repo = await GitFixture.CreateBareRepositoryAsync("README.md", "hello over git://");
        await using var daemon = await GitDaemon.StartAsync(Path.GetDirectoryName(repo)!);

        var accepted = await api.SubmitAcceptedAsync(service, "v1", $"""
            driver: {"{"} type: local {"}"}
            sources: ["{daemon.UrlOf("repo.git")} => src"]
            stages: [check]
            jobs:
              - {"{"} stage: check, commands: ["cat src/README.md", "git -C src log --oneline"] {"}"}
            """);

        var build = await api.WaitForEndAsync(accepted.Id);
        Assert.True(build.Status == "passed", $"{build.Status}: {build.Error}\n{await api.LogAsync(accepted.Id, "clone.1")}");
        var log = await api.LogAsync(accepted.Id, "check.1");
        Assert.Contains("hello over git://", log, StringComparison.Ordinal);
        Assert.Contains("initial", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLog_FollowWhileJobRuns_StreamsUntilTheJobEnds()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var (api, service) = (scenario.Api, scenario.Service);
        var accepted = await api.SubmitAcceptedAsync(service, "v1", """
            driver: { type: local }
            stages: [talk]
            jobs:
              - { stage: talk, name: talker, commands: ["echo first line", "sleep 2", "echo last line"] }
            """);
        await WaitForJobAsync(api, accepted.Id, "talker", "running");

        // The request returns only once the job has ended, with output written after it began.
        var log = await api.Client.GetStringAsync(new Uri($"/api/builds/{accepted.Id}/jobs/talker/log?follow=true", UriKind.Relative));

        Assert.Contains("first line", log, StringComparison.Ordinal);
        Assert.Contains("last line", log, StringComparison.Ordinal);
        var job = (await api.GetAsync(accepted.Id)).Stages[1].Jobs.Single();
        Assert.Equal("passed", job.Status);
    }

    internal static async Task WaitForJobAsync(BuildApi api, string id, string job, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var build = await api.GetAsync(id);
            if (build.Stages.SelectMany(s => s.Jobs).Any(j => j.Name == job && j.Status == status))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"job {job} of {id} never became {status}");
    }
}
