using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Durable;

namespace Mage.Builds.Activities;

/// <summary>Moves a queued build to running. False when it is already final (killed while queued): the orchestrator then stops.</summary>
public sealed class StartBuildActivity(BuildTransitions transitions) : TaskActivity<BuildRef, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, BuildRef input)
    {
        var (build, _) = await transitions.MoveAsync(input.BuildId, BuildStatus.Running, null, context.CancellationToken);

        // A repeated delivery after the first one started the build must still say "go on".
        return build.Status == BuildStatus.Running;
    }
}
