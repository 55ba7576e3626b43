using Mage.Builds.Orchestration;
using Microsoft.DurableTask;
using Mage.Builds.Records;

namespace Mage.Builds.Activities;

/// <summary>
/// Asks every job of the build to stop, through storage: any worker may run this, and every
/// running job of the build (on whichever worker) sees the request within a second and ends its
/// process group (SIGTERM, then SIGKILL after <see cref="BuildsServiceCollectionExtensions.KillGracePeriod"/>);
/// a job that has not started yet is recorded killed instead of starting. Idempotent.
/// </summary>
public sealed class KillJobsActivity(JobClaimStore claims, TimeProvider time) : TaskActivity<DriverLease, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DriverLease input)
    {
        await claims.RequestKillAsync(input.Handle.BuildId, time.GetUtcNow(), CancellationToken.None);
        return true;
    }
}
