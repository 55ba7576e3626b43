using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Builds.Logs;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Manifests;
using Microsoft.DurableTask;

namespace Mage.Builds.Activities;

/// <summary>
/// Moves the build to running (null when it is already final: killed while queued, it never
/// starts), then creates the build's workspace and returns its lease. The workspace is reachable
/// from every worker of the task hub (the shared work root), so later driver-bound activities run
/// wherever the engine delivers them. Its progress is the log of the builtin <c>create-driver</c>
/// job. A driver that becomes ready after its build ended is destroyed at once.
/// </summary>
public sealed class CreateDriverActivity(DriverRegistry drivers, BuildTransitions transitions, BuildStore builds, JobStore jobs, JobLogs logs, WorkerIdentity worker)
    : TaskActivity<CreateDriverInput, DriverLease?>
{
    /// <inheritdoc />
    public override async Task<DriverLease?> RunAsync(TaskActivityContext context, CreateDriverInput input)
    {
        // The engine's activity context has no cancellation: a stopping worker lets it finish, or the
        // engine redelivers it elsewhere, rather than failing the build with a cancellation.
        var ct = CancellationToken.None;

        // A repeated delivery after the first one started the build still finds it running and goes on.
        var (started, _) = await transitions.MoveAsync(input.BuildId, BuildStatus.Running, null, ct);
        var (service, number) = BuildId.Parse(input.BuildId);
        if (started.Status != BuildStatus.Running)
        {
            // Killed while queued: none of its jobs will run, and none may stay queued after the build.
            await jobs.FinishUnfinishedAsync(service, number, BuildStatus.ForUnfinishedJobs(started.Status), ct);
            return null;
        }

        await jobs.StartAsync(service, number, 0, 0, ct);
        var log = await logs.OpenAsync(service, number, PlanCompiler.CreateDriverJobName, [], append: false, ct);
        try
        {
            await log.WriteLineAsync($"[mage] creating driver {input.Driver.Type}", ct);
            var driver = drivers.Get(input.Driver.Type);
            var network = input.Driver.Options.TryGetValue("network", out var n) && n is "true" or "yes";
            var handle = await driver.CreateAsync(new DriverCreateRequest(input.BuildId, network), log, ct);
            if (await builds.GetAsync(input.BuildId, ct) is { } build && BuildStatus.IsTerminal(build.Status))
            {
                // Too late: the creation limit (or a kill) already ended the build, and nobody will
                // destroy a driver the orchestrator never received.
                await driver.DestroyAsync(handle, CancellationToken.None);
                await log.WriteLineAsync($"[mage] the build ended ({build.Status}) before the driver was ready; destroyed it", CancellationToken.None);
                await log.CompleteAsync(CancellationToken.None);

                // No lease: an orchestrator that has not heard of the end yet must not work in a destroyed workspace.
                return null;
            }

            await log.WriteLineAsync($"[mage] driver {input.Driver.Type} ready (created by worker {worker.Id})", ct);
            await log.CompleteAsync(ct);
            await jobs.FinishAsync(service, number, 0, 0, BuildStatus.Passed, null, ct);
            return new DriverLease(handle);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await log.WriteLineAsync($"[mage] driver creation failed: {ex.Message}", CancellationToken.None);
            await log.CompleteAsync(CancellationToken.None);
            await jobs.FinishAsync(service, number, 0, 0, BuildStatus.Failed, null, CancellationToken.None);
            throw;
        }
    }
}
