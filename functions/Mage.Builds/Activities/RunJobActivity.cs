using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Builds.Orchestration;
using Microsoft.DurableTask;

namespace Mage.Builds.Activities;

/// <summary>
/// Runs one stage job on the workspace's worker, then collects its artifacts to Blob storage.
/// Returns the job's status. At-least-once: a repeat runs the script again in the same workspace.
/// </summary>
public sealed class RunJobActivity(DriverRegistry drivers, JobRunner runner, ArtifactCollector artifacts, TimeProvider time) : TaskActivity<RunJobInput, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, RunJobInput input) =>
        runner.RunAsync(input, async (env, log, ct) =>
        {
            JobRunResult result;
            if (string.IsNullOrWhiteSpace(input.Job.Script))
            {
                // djinn counts a job without commands as passed without running anything.
                var now = time.GetUtcNow();
                result = new JobRunResult(JobOutcome.Passed, 0, now, now);
            }
            else
            {
                var driver = drivers.Get(input.Lease.Handle.DriverType);
                result = await driver.RunJobAsync(input.Lease.Handle, new JobRunRequest(input.Job.Name, input.Job.Script, env, input.Job.Timeout), log, ct);
            }

            if (input.Job.Artifacts.Count > 0)
            {
                await artifacts.CollectAsync(input.BuildId, input.Lease.Handle.Workspace, input.Job.Name, input.Job.Artifacts, log, ct);
            }

            return result;
        }, CancellationToken.None);
}
