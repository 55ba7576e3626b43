using Mage.Builds.Records;
using Mage.Builds.Submission;
using Mage.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Tests.Endpoints.Builds;

/// <summary>
/// A crash between recording a build and scheduling its orchestration must delay the build, never
/// strand it in <c>queued</c>. The crash is reproduced by writing what the submitter writes first
/// and stopping there.
/// </summary>
public sealed class StrandedBuildRecoveryTests
{
    private const string Trivial = """
        driver: { type: local }
        stages: [one]
        jobs:
          - { stage: one, commands: ["echo recovered"] }
        """;

    // The background sweep runs once at start (before the test writes anything) and then waits an hour.
    private static readonly Dictionary<string, string?> SweepByHand = new()
    {
        ["Mage:StrandedBuildGrace"] = "00:00:00",
        ["Mage:StrandedBuildSweepInterval"] = "01:00:00",
    };

    [Fact]
    public async Task Sweep_RecordedButNeverScheduled_BuildRuns()
    {
        await using var scenario = await BuildScenario.StartAsync(SweepByHand);
        var services = scenario.App.Services;
        var build = (await services.GetRequiredService<BuildStore>().CreateAsync(new NewBuild(scenario.Service, "v1", null, null, null), CancellationToken.None)).Build;
        await services.GetRequiredService<ManifestArchive>().SaveAsync(scenario.Service, build.Number, Trivial, CancellationToken.None);

        var recovered = await services.GetRequiredService<StrandedBuildRecovery>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, recovered);
        var final = await scenario.Api.WaitForEndAsync(build.Id);
        Assert.Equal("passed", final.Status);
        Assert.Contains("recovered", await scenario.Api.LogAsync(build.Id, "one.1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_RecordedWithoutManifest_FailsWithReason()
    {
        await using var scenario = await BuildScenario.StartAsync(SweepByHand);
        var services = scenario.App.Services;
        var build = (await services.GetRequiredService<BuildStore>().CreateAsync(new NewBuild(scenario.Service, "v1", null, null, null), CancellationToken.None)).Build;

        await services.GetRequiredService<StrandedBuildRecovery>().SweepAsync(CancellationToken.None);

        var final = await scenario.Api.GetAsync(build.Id);
        Assert.Equal("failed", final.Status);
        Assert.Contains("submit it again", final.Error, StringComparison.Ordinal);
        // The tag lock is released with the final status, so the user can submit the tag again.
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await scenario.Api.SubmitAsync(scenario.Service, "v1", Trivial)).StatusCode);
    }

    [Fact]
    public async Task Sweep_ScheduledBuilds_LeftAlone()
    {
        await using var scenario = await BuildScenario.StartAsync(SweepByHand);
        var accepted = await scenario.Api.SubmitAcceptedAsync(scenario.Service, "v1", Trivial);
        await scenario.Api.WaitForEndAsync(accepted.Id);

        var recovered = await scenario.App.Services.GetRequiredService<StrandedBuildRecovery>().SweepAsync(CancellationToken.None);

        Assert.Equal(0, recovered);
    }
}
