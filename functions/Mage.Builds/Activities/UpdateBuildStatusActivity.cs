using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Microsoft.DurableTask;

namespace Mage.Builds.Activities;

/// <summary>
/// Records a status change and tells the observers; for the final change, first gives unfinished
/// jobs their final status (one activity instead of two: the build's last round trip is on every
/// user's wait). Idempotent: a repeated change is a no-op.
/// </summary>
public sealed class UpdateBuildStatusActivity(BuildTransitions transitions, JobStore jobs) : TaskActivity<StatusChange, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, StatusChange input)
    {
        if (input.UnfinishedJobsStatus is { } jobStatus)
        {
            var (service, number) = BuildId.Parse(input.BuildId);
            await jobs.FinishUnfinishedAsync(service, number, jobStatus, CancellationToken.None);
        }

        return (await transitions.MoveAsync(input.BuildId, input.Status, input.Error, CancellationToken.None)).Changed;
    }
}
