using Mage.Builds.Orchestration;
using Mage.Durable;

namespace Mage.Builds.Activities;

/// <summary>Records a status change and tells the observers. Idempotent: a repeated change is a no-op.</summary>
public sealed class UpdateBuildStatusActivity(BuildTransitions transitions) : TaskActivity<StatusChange, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, StatusChange input) =>
        (await transitions.MoveAsync(input.BuildId, input.Status, input.Error, context.CancellationToken)).Changed;
}
