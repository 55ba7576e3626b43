using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Durable;

namespace Mage.Builds.Activities;

/// <summary>Gives every job still queued or running a final status when the build ends. Idempotent.</summary>
public sealed class FinishJobsActivity(JobStore jobs) : TaskActivity<FinishJobsInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, FinishJobsInput input)
    {
        var (service, number) = BuildId.Parse(input.BuildId);

        await jobs.FinishUnfinishedAsync(service, number, input.Status, context.CancellationToken);
        return true;
    }
}
