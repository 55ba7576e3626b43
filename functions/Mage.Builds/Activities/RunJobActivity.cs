using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Builds.Logs;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace Mage.Builds.Activities;

/// <summary>
/// Runs one stage job in the build's workspace on whichever worker receives it, then collects its
/// artifacts to Blob storage. Returns the job's result.
/// </summary>
/// <remarks>
/// At-least-once delivery, at-most-once script: a delivery first claims the job (see
/// <see cref="JobClaimKeeper"/>). A job already final returns its recorded status; a job claimed by
/// another delivery is waited for (or recorded failed with "the worker running this job stopped"
/// once that delivery's heartbeat is stale); a job of a killed build is recorded killed without
/// running. While the script runs, a kill request in storage stops its process group. The engine's
/// activity context carries no cancellation, so the host's stopping token stands for it: a worker that
/// stops ends its running scripts (SIGTERM, then SIGKILL) and records them failed with
/// <see cref="JobClaimKeeper.WorkerStoppedReason"/> instead of holding the shutdown for an hour-long
/// job; a redelivery reads that record and does not run the script again.
/// </remarks>
public sealed class RunJobActivity(DriverRegistry drivers, JobRunner runner, ArtifactCollector artifacts, JobClaimKeeper claims, JobStore jobs, RunningJobRegistry running, TimeProvider time, IHostApplicationLifetime host)
    : TaskActivity<RunJobInput, JobResult>
{
    /// <summary>How long a delivery that reaches a stopping worker waits before it runs the job there anyway.</summary>
    public static readonly TimeSpan UnclaimedWhileStopping = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public override async Task<JobResult> RunAsync(TaskActivityContext context, RunJobInput input)
    {
        var ct = CancellationToken.None;
        var (service, number) = BuildId.Parse(input.BuildId);
        if (await jobs.GetAsync(service, number, input.StageIndex, input.JobIndex, ct) is { } recorded && BuildStatus.IsTerminal(recorded.Status))
        {
            // A repeated delivery after the job ended (the result did not reach the orchestrator).
            return new JobResult(recorded.Status);
        }

        if (host.ApplicationStopping.IsCancellationRequested)
        {
            // This worker is stopping and must not start a script it would kill at once: leave the
            // delivery uncompleted, so the engine hands it to another worker once its visibility
            // runs out. A worker still alive long after that runs it after all.
            await Task.Delay(UnclaimedWhileStopping, time);
        }

        if (await claims.TryClaimAsync(input, ct) is not { } claim)
        {
            return await claims.AwaitClaimedAsync(input, ct);
        }

        if (await claims.IsKillRequestedAsync(input.BuildId, ct))
        {
            await jobs.FinishAsync(service, number, input.StageIndex, input.JobIndex, BuildStatus.Killed, null, ct);
            return new JobResult(BuildStatus.Killed);
        }

        await using var watch = claims.Watch(input, claim);
        var stopping = host.ApplicationStopping;
        var run = RunClaimedAsync(input, ct);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var stopper = StopOnShutdownAsync(input, run, ended.Token, stopping);
        var status = await run;
        await ended.CancelAsync();
        await stopper;
        return stopping.IsCancellationRequested && status == BuildStatus.Failed
            ? new JobResult(status, JobClaimKeeper.WorkerStoppedReason)
            : new JobResult(status);
    }

    /// <summary>
    /// Once the host stops, ends the job's process group (failed); tries again until the job has
    /// registered its process, which a stop may come before.
    /// </summary>
    private async Task StopOnShutdownAsync(RunJobInput input, Task run, CancellationToken stoppingOrEnded, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingOrEnded);
        }
        catch (OperationCanceledException)
        {
        }

        while (stopping.IsCancellationRequested && !run.IsCompleted && await running.StopJobAsync(input.BuildId, input.Job.Name, JobOutcome.Failed) == 0)
        {
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(100), time));
        }
    }

    private Task<string> RunClaimedAsync(RunJobInput input, CancellationToken cancellationToken) =>
        runner.RunAsync(input, async (env, log, ct) =>
        {
            await log.WriteLineAsync($"[mage] running on worker {claims.Worker.Id}", ct);
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
        }, cancellationToken);
}
