using Mage.Builds.Jobs;
using Mage.Builds.Orchestration;
using Microsoft.DurableTask;

namespace Mage.Builds.Activities;

/// <summary>Runs on the workspace's worker: SIGTERM, then SIGKILL after the grace period, to every running job of the build. Idempotent.</summary>
public sealed class KillJobsActivity(RunningJobRegistry running) : TaskActivity<DriverLease, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DriverLease input) =>
        await running.KillJobsAsync(input.Handle.BuildId) > 0;
}
