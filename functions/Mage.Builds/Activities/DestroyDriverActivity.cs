using Mage.Builds.Drivers;
using Mage.Builds.Orchestration;
using Microsoft.DurableTask;

namespace Mage.Builds.Activities;

/// <summary>Runs on the workspace's worker and removes the workspace. Idempotent, and runs under its own deadline rather than the build's.</summary>
public sealed class DestroyDriverActivity(DriverRegistry drivers) : TaskActivity<DriverLease, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DriverLease input)
    {
        await drivers.Get(input.Handle.DriverType).DestroyAsync(input.Handle, CancellationToken.None);
        return true;
    }
}
