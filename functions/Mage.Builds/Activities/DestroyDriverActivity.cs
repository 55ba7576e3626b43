using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Mage.Builds.Activities;

/// <summary>
/// Removes the build's workspace, after asking every job of the build to stop through storage (the
/// request <see cref="KillJobsActivity"/> writes, written again): a job still running on another
/// worker then ends within a second even when the kill step's own write was lost. Any worker may
/// run it. Idempotent, and runs under its own deadline rather than the build's.
/// </summary>
/// <remarks>
/// A failed kill write is logged and the workspace is removed all the same: the build is over, and a
/// workspace left behind would outlive it for good.
/// </remarks>
public sealed class DestroyDriverActivity(DriverRegistry drivers, JobClaimStore claims, TimeProvider time, ILogger<DestroyDriverActivity> logger)
    : TaskActivity<DriverLease, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DriverLease input)
    {
        try
        {
            await claims.RequestKillAsync(input.Handle.BuildId, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException || StorageFailures.IsTransient(ex))
        {
            JobLog.KillBeforeDestroyFailed(logger, input.Handle.BuildId, ex);
        }

        await drivers.Get(input.Handle.DriverType).DestroyAsync(input.Handle, CancellationToken.None);
        return true;
    }
}
