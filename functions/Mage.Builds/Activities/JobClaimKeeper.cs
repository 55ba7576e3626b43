using Mage.Builds.Jobs;
using Mage.Builds.Logs;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Storage;
using Microsoft.Extensions.Logging;

namespace Mage.Builds.Activities;

/// <summary>
/// Makes a job's script run at most once however often its activity is delivered, on whichever
/// worker: the delivery that wins the job's claim (an insert in <see cref="JobClaimStore"/>) runs it
/// and keeps the claim's heartbeat fresh; every other delivery waits for the job's result, and
/// records the job <c>failed</c> with <see cref="WorkerStoppedReason"/> once the heartbeat is stale
/// (the worker running it is gone). Also relays a kill request from storage to the job's process
/// group. Thread-safe; one per process.
/// </summary>
public sealed class JobClaimKeeper
{
    /// <summary>The reason recorded for a job whose worker stopped while it ran.</summary>
    public const string WorkerStoppedReason = "the worker running this job stopped";

    /// <summary>How often a running job looks for a kill request (one point read each time).</summary>
    public static readonly TimeSpan KillPollInterval = TimeSpan.FromSeconds(1);

    private readonly JobClaimStore claims;
    private readonly JobStore jobs;
    private readonly JobLogs logs;
    private readonly RunningJobRegistry running;
    private readonly WorkerIdentity worker;
    private readonly MageOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    /// <summary>Creates the keeper of this worker.</summary>
    public JobClaimKeeper(JobClaimStore claims, JobStore jobs, JobLogs logs, RunningJobRegistry running, WorkerIdentity worker,
        MageOptions options, TimeProvider time, ILogger<JobClaimKeeper> logger)
    {
        this.claims = claims;
        this.jobs = jobs;
        this.logs = logs;
        this.running = running;
        this.worker = worker;
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>This worker.</summary>
    public WorkerIdentity Worker => worker;

    /// <summary>Claims the job for this worker; null when another delivery claimed it first.</summary>
    public Task<JobClaim?> TryClaimAsync(RunJobInput input, CancellationToken cancellationToken) =>
        claims.TryClaimAsync(input.BuildId, input.StageIndex, input.JobIndex, worker.Id, time.GetUtcNow(), cancellationToken);

    /// <summary>Whether the build's jobs were asked to stop.</summary>
    public Task<bool> IsKillRequestedAsync(string buildId, CancellationToken cancellationToken) => claims.IsKillRequestedAsync(buildId, cancellationToken);

    /// <summary>Starts watching a claimed job while it runs: heartbeat, kill requests, abandonment. Dispose to stop.</summary>
    public IAsyncDisposable Watch(RunJobInput input, JobClaim claim) => new JobWatch(this, input, claim);

    /// <summary>
    /// How long a delivery waiting for another worker's job keeps trying storage that keeps failing
    /// (after the SDK's own retries) before it fails: far longer than a blip, short enough that lost
    /// storage ends as an error rather than a wait without end.
    /// </summary>
    public static readonly TimeSpan WaitStorageOutageLimit = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FirstStorageBackOff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestStorageBackOff = TimeSpan.FromSeconds(5);

    /// <summary>
    /// For a delivery that lost the claim: waits until the job is final (and returns its status), or
    /// until its claim's heartbeat goes stale, then records the job failed with <see cref="WorkerStoppedReason"/>.
    /// Transient storage failures are retried with a short back-off for up to <see cref="WaitStorageOutageLimit"/>
    /// at a stretch; after one, a stale heartbeat counts only once the holder had the time to beat again,
    /// as storage that failed this worker may have failed the holder's heartbeats too.
    /// </summary>
    public async Task<JobResult> AwaitClaimedAsync(RunJobInput input, CancellationToken cancellationToken)
    {
        var (service, number) = BuildId.Parse(input.BuildId);
        var announced = false;
        long? failingSince = null;
        long? answeringSince = null;
        var backOff = TimeSpan.Zero;
        while (true)
        {
            try
            {
                if (await jobs.GetAsync(service, number, input.StageIndex, input.JobIndex, cancellationToken) is { } job && BuildStatus.IsTerminal(job.Status))
                {
                    return new JobResult(job.Status);
                }

                var claim = await claims.GetAsync(input.BuildId, input.StageIndex, input.JobIndex, cancellationToken)
                    ?? throw new InvalidOperationException($"the claim of job {input.Job.Name} disappeared while the job was not final; the build's claims were removed by hand?");
                if (!announced)
                {
                    JobLog.ClaimedElsewhere(logger, input.Job.Name, input.BuildId, claim.WorkerId);
                    announced = true;
                }

                if (failingSince is not null)
                {
                    failingSince = null;
                    answeringSince = time.GetTimestamp();
                    backOff = TimeSpan.Zero;
                }

                // Storage's clock at both ends: the holder's clock may be ahead of or behind this worker's.
                // Storage always dates its answers; the worker clocks are only a fallback without one.
                var age = claim.Age ?? time.GetUtcNow() - claim.HeartbeatAt;
                var holderCouldBeat = answeringSince is not { } since || time.GetElapsedTime(since) >= 2 * options.JobHeartbeatInterval;
                if (claim.Abandoned || (age > options.JobHeartbeatTimeout && holderCouldBeat))
                {
                    // Conditional on the version read: a holder that refreshed the heartbeat meanwhile is alive after all.
                    if (claim.Abandoned || await claims.AbandonAsync(claim, cancellationToken))
                    {
                        return await RecordWorkerStoppedAsync(input, claim, cancellationToken);
                    }

                    continue;
                }
            }
            catch (Exception ex) when (StorageFailures.IsTransient(ex, cancellationToken))
            {
                failingSince ??= time.GetTimestamp();
                if (time.GetElapsedTime(failingSince.Value) > WaitStorageOutageLimit)
                {
                    throw;
                }

                // Every step of a round is safe to repeat: the next round reads afresh what the failed one changed.
                backOff = backOff == TimeSpan.Zero ? FirstStorageBackOff : TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, LongestStorageBackOff.Ticks));
                JobLog.WaitFailed(logger, input.Job.Name, input.BuildId, backOff, ex);
                await Task.Delay(backOff, time, cancellationToken);
                continue;
            }

            await Task.Delay(KillPollInterval, time, cancellationToken);
        }
    }

    private async Task<JobResult> RecordWorkerStoppedAsync(RunJobInput input, JobClaim claim, CancellationToken cancellationToken)
    {
        var (service, number) = BuildId.Parse(input.BuildId);
        var lastBeat = claim.StoredAt ?? claim.HeartbeatAt;
        JobLog.ClaimStale(logger, input.Job.Name, input.BuildId, claim.WorkerId, lastBeat);
        var log = await logs.OpenAsync(service, number, input.Job.Name, [], append: true, cancellationToken);
        await log.WriteLineAsync($"[mage] {WorkerStoppedReason} (worker {claim.WorkerId}, last heartbeat stored {lastBeat:O}); the job is failed and not run again", cancellationToken);
        await log.CompleteAsync(cancellationToken);
        await jobs.FinishAsync(service, number, input.StageIndex, input.JobIndex, BuildStatus.Failed, null, cancellationToken);

        // The first final status wins: report what is recorded (a kill may have come first).
        var recorded = await jobs.GetAsync(service, number, input.StageIndex, input.JobIndex, cancellationToken);
        return recorded is null || recorded.Status == BuildStatus.Failed
            ? new JobResult(BuildStatus.Failed, WorkerStoppedReason)
            : new JobResult(recorded.Status);
    }

    /// <summary>The background loop of one running, claimed job.</summary>
    private sealed class JobWatch : IAsyncDisposable
    {
        private readonly JobClaimKeeper _keeper;
        private readonly RunJobInput _input;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private JobClaim _claim;

        public JobWatch(JobClaimKeeper keeper, RunJobInput input, JobClaim claim)
        {
            _keeper = keeper;
            _input = input;
            _claim = claim;
            _loop = Task.Run(() => LoopAsync(_stop.Token));
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }

        private async Task LoopAsync(CancellationToken stop)
        {
            string? stopReason = null;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(KillPollInterval, _keeper.time, stop);
                    stopReason ??= await CheckAsync(stop);
                    if (stopReason is not null && await StopAsync(stopReason) > 0)
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Storage hiccups must not end the job; the next round tries again.
                    JobLog.WatchFailed(_keeper.logger, _input.Job.Name, _input.BuildId, ex);
                }
            }
        }

        /// <summary>Why the job must stop, or null: one read for the kill request, and a heartbeat when it is due.</summary>
        private async Task<string?> CheckAsync(CancellationToken stop)
        {
            if (await _keeper.claims.IsKillRequestedAsync(_input.BuildId, stop))
            {
                return "the build was killed";
            }

            var now = _keeper.time.GetUtcNow();
            if (now - _claim.HeartbeatAt < _keeper.options.JobHeartbeatInterval)
            {
                return null;
            }

            if (await _keeper.claims.HeartbeatAsync(_claim, now, stop) is { } refreshed)
            {
                _claim = refreshed;
                return null;
            }

            // The claim changed under us: only an abandonment does that (this worker was too slow to beat).
            var current = await _keeper.claims.GetAsync(_claim.BuildId, _claim.StageIndex, _claim.JobIndex, stop);
            if (current is null || current.Abandoned || current.WorkerId != _keeper.worker.Id)
            {
                return "another worker found its heartbeat stale and recorded it failed";
            }

            _claim = current;
            return null;
        }

        /// <summary>Stops the job's process group (0 when it is not running yet: the next round tries again).</summary>
        private async Task<int> StopAsync(string reason)
        {
            var stopped = await _keeper.running.StopJobAsync(_input.BuildId, _input.Job.Name, JobOutcome.Killed);
            if (stopped > 0)
            {
                JobLog.StopRequested(_keeper.logger, _input.Job.Name, _input.BuildId, reason);
            }

            return stopped;
        }
    }
}
