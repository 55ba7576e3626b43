using Mage.Builds.Tests.Orchestration.Determinism;
using Mage.Testing;

namespace Mage.Builds.Tests.Orchestration;

public sealed class BuildOrchestratorDeterminismTests
{
    [Fact]
    public void OrchestrationFolder_UsesNoNonDeterministicApis()
    {
        // The orchestrator is replayed: wall-clock time, random ids, raw delays and thread-pool work would differ between replays.
        DeterminismGuard.AssertClean(Path.Combine(RepositoryRoot.Find(), "functions", "Mage.Builds", "Orchestration"));
    }

    [Theory]
    [InlineData("00:05:00", "5m0s")]
    [InlineData("01:00:00", "1h0m0s")]
    [InlineData("00:00:02", "2s")]
    [InlineData("00:01:30", "1m30s")]
    [InlineData("00:00:00.250", "250ms")]
    public void GoDurationFormat_Values_PrintLikeGo(string value, string expected)
    {
        // djinn users know "driver creation exceeded 5m0s"; the message keeps Go's spelling.
        Assert.Equal(expected, Mage.Builds.Orchestration.GoDuration.Format(TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
