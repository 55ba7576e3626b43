using Mage.Builds.Records;
using Mage.Codegen;
using Mage.CodeHosts;

namespace Mage.CodeHosts.Tests;

public sealed class MergeRequestTextTests
{
    private static readonly BuildRecord Build = new()
    {
        Id = "orders-12", Service = "orders", Number = 12, Tag = "v1.4.0", Status = BuildStatus.Running, CreatedAt = DateTimeOffset.UnixEpoch, Comment = "first | try",
    };

    private static readonly JobRecord[] Jobs =
    [
        Job(0, "setup", "create-driver", BuildStatus.Passed, null, false),
        Job(1, "build", "build.1", BuildStatus.Passed, 0, false),
        Job(2, "lint", "lint.1", BuildStatus.Failed, 3, true),
    ];

    [Fact]
    public void Compose_Build_BranchTitleAndCommitFromTagAndBuild()
    {
        var change = MergeRequestText.Compose(Build, 3, Jobs, [new GeneratedFile("a", [])], "https://mage.example/api/builds/orders-12");

        Assert.Equal("mage/v1.4.0", change.Branch);
        Assert.Equal("Mage v1.4.0: generated code for orders (build #12)", change.Title);
        Assert.StartsWith(change.Title + "\n\n", change.CommitMessage, StringComparison.Ordinal);
        Assert.Contains("configuration version 3", change.CommitMessage, StringComparison.Ordinal);
        Assert.Equal("orders-12", change.BuildId);
    }

    [Fact]
    public void Compose_Build_DescriptionListsConfigurationVersionLinkAndJobResults()
    {
        var description = MergeRequestText.Compose(Build, 3, Jobs, [], "https://mage.example/api/builds/orders-12").Description;

        Assert.Contains("- Configuration version: 3", description, StringComparison.Ordinal);
        Assert.Contains("[#12](https://mage.example/api/builds/orders-12)", description, StringComparison.Ordinal);
        Assert.Contains("| build | build.1 | passed |", description, StringComparison.Ordinal);
        Assert.Contains("| lint | lint.1 | failed (exit 3) (allowed to fail) |", description, StringComparison.Ordinal);
        Assert.Contains("first \\| try", description, StringComparison.Ordinal);
    }

    private static JobRecord Job(int stage, string stageName, string name, string status, int? exit, bool canFail) => new()
    {
        Service = "orders", BuildNumber = 12, StageIndex = stage, Stage = stageName, CanFail = canFail, JobIndex = 0, Name = name, Status = status, ExitCode = exit,
    };
}
