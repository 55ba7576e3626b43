using System.Net;
using Mage.Functions.Tests.Infrastructure;

namespace Mage.Functions.Tests.Endpoints.Builds;

/// <summary>
/// Every way a build can end, on the real engine with extended sessions off: each episode of the
/// orchestrator then replays its whole history, so a non-deterministic step would break these
/// builds (replay safety). On every path the driver's workspace is destroyed.
/// </summary>
public sealed class OrchestratorPathTests
{
    private static readonly Dictionary<string, string?> ReplayEveryEpisode = new() { ["Mage:Durable:ExtendedSessions"] = "false" };

    [Theory]
    [InlineData("passed", """
        driver: { type: local }
        stages: [build, test]
        jobs:
          - { stage: build, name: a, commands: ["echo a > a.txt"] }
          - { stage: build, name: b, commands: ["echo b > b.txt"] }
          - { stage: build, name: c, commands: ["echo c > c.txt"] }
          - { stage: test, name: check, commands: ["test -f a.txt && test -f b.txt && test -f c.txt"] }
        """)]
    [InlineData("failed", """
        driver: { type: local }
        stages: [build, after]
        jobs:
          - { stage: build, commands: ["exit 4"] }
          - { stage: after, commands: ["true"] }
        """)]
    [InlineData("passed_with_failures", """
        driver: { type: local }
        stages: [lint, build]
        allow_failures: [lint]
        jobs:
          - { stage: lint, commands: ["false"] }
          - { stage: build, commands: ["true"] }
        """)]
    [InlineData("timed_out", """
        driver: { type: local }
        timeout: 2s
        stages: [wait]
        jobs:
          - { stage: wait, commands: ["sleep 600"] }
        """)]
    public async Task Submit_EveryEpisodeReplayed_EndsWithItsStatusAndDestroysTheWorkspace(string expected, string manifest)
    {
        await using var scenario = await BuildScenario.StartAsync(ReplayEveryEpisode);

        var accepted = await scenario.Api.SubmitAcceptedAsync(scenario.Service, "v1", manifest);
        var build = await scenario.Api.WaitForEndAsync(accepted.Id, TimeSpan.FromSeconds(90));

        Assert.Equal(expected, build.Status);
        Assert.All(build.Stages.SelectMany(s => s.Jobs), j => Assert.DoesNotContain(j.Status, new[] { "queued", "running" }));
        await AssertWorkspaceDestroyedAsync(scenario, accepted.Id);
    }

    [Fact]
    public async Task Kill_WhileAJobRuns_KilledAndWorkspaceDestroyed()
    {
        await using var scenario = await BuildScenario.StartAsync(ReplayEveryEpisode);
        var accepted = await scenario.Api.SubmitAcceptedAsync(scenario.Service, "v1", """
            driver: { type: local }
            stages: [wait]
            jobs:
              - { stage: wait, name: sleeper, commands: ["echo started", "sleep 600"] }
            """);
        await BuildFlowTests.WaitForJobAsync(scenario.Api, accepted.Id, "sleeper", "running");

        var kill = await scenario.Api.Client.PostAsync(new Uri($"/api/builds/{accepted.Id}/kill", UriKind.Relative), null);
        var build = await scenario.Api.WaitForEndAsync(accepted.Id, TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Accepted, kill.StatusCode);
        Assert.Equal("killed", build.Status);
        await AssertWorkspaceDestroyedAsync(scenario, accepted.Id);
    }

    [Fact]
    public async Task Kill_RightAfterSubmit_KilledWithoutRunningTheScript()
    {
        // The kill may land while the build is still queued (the orchestration has not started) or
        // just after; either way the build ends killed and the long script does not run to its end.
        await using var scenario = await BuildScenario.StartAsync(ReplayEveryEpisode);
        var marker = Path.Combine(scenario.App.WorkRoot, "..", Path.GetFileName(scenario.App.WorkRoot) + ".finished");
        var accepted = await scenario.Api.SubmitAcceptedAsync(scenario.Service, "v1", $$"""
            driver: { type: local }
            stages: [wait]
            jobs:
              - { stage: wait, commands: ["sleep 5", "touch {{marker}}"] }
            """);

        var kill = await scenario.Api.Client.PostAsync(new Uri($"/api/builds/{accepted.Id}/kill", UriKind.Relative), null);
        var build = await scenario.Api.WaitForEndAsync(accepted.Id, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(6));

        Assert.Equal(HttpStatusCode.Accepted, kill.StatusCode);
        Assert.Equal("killed", build.Status);
        Assert.All(build.Stages.SelectMany(s => s.Jobs), j => Assert.Contains(j.Status, new[] { "killed", "skipped" }));
        Assert.False(File.Exists(marker), "the script ran to its end after the build was killed");
        await AssertWorkspaceDestroyedAsync(scenario, accepted.Id);
    }

    /// <summary>
    /// The destroy step runs beside the final status write (the user's wait ends sooner), so the
    /// workspace may outlive the status by a moment, but not by more than a few seconds.
    /// </summary>
    private static async Task AssertWorkspaceDestroyedAsync(BuildScenario scenario, string buildId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        string[] leftovers;
        do
        {
            leftovers = Directory.Exists(scenario.App.WorkRoot) ? Directory.GetFileSystemEntries(scenario.App.WorkRoot) : [];
            if (leftovers.Length == 0)
            {
                return;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"the workspace of {buildId} outlived its build: {string.Join(", ", leftovers)}");
    }
}
