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
        if (!BuildId.TryParse(input.BuildId, out var service, out var number))
        {
            throw new ArgumentException($"'{input.BuildId}' is not a build id.", nameof(input));
        }

        await jobs.FinishUnfinishedAsync(service, number, input.Status, context.CancellationToken);
        return true;
    }
}
