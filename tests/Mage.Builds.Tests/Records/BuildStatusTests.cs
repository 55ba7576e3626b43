using Mage.Builds.Records;

namespace Mage.Builds.Tests.Records;

public sealed class BuildStatusTests
{
    [Theory]
    [InlineData(BuildStatus.Killed, BuildStatus.Killed)]
    [InlineData(BuildStatus.TimedOut, BuildStatus.TimedOut)]
    [InlineData(BuildStatus.Failed, BuildStatus.Skipped)]
    [InlineData(BuildStatus.Passed, BuildStatus.Skipped)]
    [InlineData(BuildStatus.PassedWithFailures, BuildStatus.Skipped)]
    public void ForUnfinishedJobs_BuildEnded_JobsFollowAKillOrTimeoutElseAreSkipped(string buildStatus, string expected)
    {
        // One rule for the orchestrator's end, the start step that finds a build already ended, and a kill while queued.
        Assert.Equal(expected, BuildStatus.ForUnfinishedJobs(buildStatus));
    }
}
