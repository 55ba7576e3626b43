using Mage.Builds.Orchestration;
using Microsoft.DurableTask;

namespace Mage.Builds.Activities;

/// <summary>Runs on the workspace's worker; answering at all is the point (the orchestrator times the answer to detect a lost worker).</summary>
public sealed class PingDriverActivity : TaskActivity<DriverLease, bool>
{
    /// <inheritdoc />
    public override Task<bool> RunAsync(TaskActivityContext context, DriverLease input) =>
        Task.FromResult(Directory.Exists(input.Handle.Workspace));
}
