using System.Diagnostics;
using Mage.Builds.Activities;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Testing;

namespace Mage.Builds.Tests.Activities;

/// <summary>
/// The job activity under at-least-once delivery on several workers: real <c>/bin/sh</c> jobs, real
/// Azurite, two "workers" that share only storage and the work root. Scripts count their runs in a
/// marker file outside the workspace.
/// </summary>
public sealed class RunJobActivityTests : IAsyncLifetime
{
    private JobActivityHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await JobActivityHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RunAsync_KillRequestedThroughStorage_ProcessGroupEndsWithinFiveSeconds()
    {
        // The job and its background child ignore SIGTERM, so only the SIGKILL that follows ends them.
        var childPid = Path.Combine(_harness.Scratch, "child.pid");
        var input = await _harness.BuildWithJobAsync($"""
            trap '' TERM
            sleep 300 &
            echo $! > {childPid}
            wait
            """);
        await using var runner = _harness.Worker("runner");
        await using var other = _harness.Worker("other");
        var run = runner.RunJob.RunAsync(Context(), input);
        var pid = int.Parse((await WaitForFileAsync(childPid)).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        // The kill step runs on another worker: it only writes the request to storage.
        var clock = Stopwatch.StartNew();
        await other.Kill.RunAsync(Context(), _harness.Lease);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));
        while (IsAlive(pid) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        var elapsed = clock.Elapsed;
        Assert.False(IsAlive(pid), $"the job's background process {pid} survived the kill");
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"the process group took {elapsed} to end");
        Assert.Equal(BuildStatus.Killed, result.Status);
        Assert.Equal(BuildStatus.Killed, (await _harness.JobAsync()).Status);
    }

    [Fact]
    public async Task RunAsync_SecondDeliveryWhileClaimIsLive_WaitsForTheResultAndDoesNotRunTheScriptAgain()
    {
        var runs = Path.Combine(_harness.Scratch, "runs");
        var input = await _harness.BuildWithJobAsync($"echo run >> {runs}\nsleep 5\nexit 3");
        await using var first = _harness.Worker("first");
        await using var second = _harness.Worker("second");
        var original = first.RunJob.RunAsync(Context(), input);
        await WaitForFileAsync(runs);

        // Longer than the heartbeat timeout: the second delivery must see the heartbeat being refreshed.
        var repeated = await second.RunJob.RunAsync(Context(), input);

        Assert.True(original.IsCompleted, "the second delivery returned before the job ended");
        var result = await original;
        Assert.Equal(BuildStatus.Failed, result.Status);
        Assert.Equal(result, repeated);
        Assert.Single(await File.ReadAllLinesAsync(runs));
        Assert.Equal(3, (await _harness.JobAsync()).ExitCode);
    }

    [Fact]
    public async Task RunAsync_ClaimedByAWorkerThatStopped_RecordsTheJobFailedWithTheReasonWithoutRunningIt()
    {
        var runs = Path.Combine(_harness.Scratch, "runs");
        var input = await _harness.BuildWithJobAsync($"echo run >> {runs}");
        var beforeTheCrash = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1);
        Assert.NotNull(await _harness.Claims.TryClaimAsync(input.BuildId, input.StageIndex, input.JobIndex, "gone-worker", beforeTheCrash, default));
        await using var worker = _harness.Worker("survivor");

        var result = await worker.RunJob.RunAsync(Context(), input);

        Assert.Equal(new JobResult(BuildStatus.Failed, JobClaimKeeper.WorkerStoppedReason), result);
        Assert.False(File.Exists(runs), "the script ran although another worker had started it");
        Assert.Equal(BuildStatus.Failed, (await _harness.JobAsync()).Status);
        Assert.Contains("the worker running this job stopped (worker gone-worker", await _harness.LogAsync(), StringComparison.Ordinal);
        Assert.True((await _harness.Claims.GetAsync(input.BuildId, input.StageIndex, input.JobIndex, default))!.Abandoned);
    }

    [Fact]
    public async Task RunAsync_WorkerStopsMidJob_RedeliveryWaitsOutTheHeartbeatThenFails()
    {
        // The first worker's activity dies with its heartbeat (cancelled here; a SIGKILL in AppCrashTests).
        var runs = Path.Combine(_harness.Scratch, "runs");
        var input = await _harness.BuildWithJobAsync($"echo run >> {runs}\nsleep 2");
        await using var first = _harness.Worker("first");
        await using var second = _harness.Worker("second");
        var heartbeat = DateTimeOffset.UtcNow;
        Assert.NotNull(await _harness.Claims.TryClaimAsync(input.BuildId, input.StageIndex, input.JobIndex, "first", heartbeat, default));

        var result = await second.RunJob.RunAsync(Context(), input);

        // Measured from the claim's last heartbeat, which is what the timeout counts from.
        var waited = DateTimeOffset.UtcNow - heartbeat;
        Assert.Equal(new JobResult(BuildStatus.Failed, JobClaimKeeper.WorkerStoppedReason), result);
        Assert.True(waited >= _harness.Options.JobHeartbeatTimeout - TimeSpan.FromMilliseconds(200), $"gave up on a fresh claim {waited} after its heartbeat");
        Assert.False(File.Exists(runs));
    }

    [Fact]
    public async Task RunAsync_RunningWorkersClockIsBehind_SecondDeliveryStillWaitsForTheResult()
    {
        // The runner's heartbeats look a minute old by the second worker's clock; storage's clock says they are fresh.
        var runs = Path.Combine(_harness.Scratch, "runs");
        var input = await _harness.BuildWithJobAsync($"echo run >> {runs}\nsleep 5\nexit 3");
        await using var behind = _harness.Worker("behind", new SkewedClock(-TimeSpan.FromMinutes(1)));
        await using var second = _harness.Worker("second");
        var original = behind.RunJob.RunAsync(Context(), input);
        await WaitForFileAsync(runs);

        var repeated = await second.RunJob.RunAsync(Context(), input).WaitAsync(TimeSpan.FromSeconds(30));

        var result = await original;
        Assert.Equal(new JobResult(BuildStatus.Failed), result);
        Assert.Equal(result, repeated);
        Assert.Equal(3, (await _harness.JobAsync()).ExitCode);
        Assert.False((await _harness.Claims.GetAsync(input.BuildId, input.StageIndex, input.JobIndex, default))!.Abandoned);
    }

    [Fact]
    public async Task RunAsync_StoppedWorkersClockWasAhead_ClaimGoesStaleAfterTheTimeout()
    {
        // A heartbeat an hour in the future by its worker's clock must not keep a dead worker's claim alive for an hour.
        var runs = Path.Combine(_harness.Scratch, "runs");
        var input = await _harness.BuildWithJobAsync($"echo run >> {runs}");
        var claimed = DateTimeOffset.UtcNow;
        Assert.NotNull(await _harness.Claims.TryClaimAsync(input.BuildId, input.StageIndex, input.JobIndex, "ahead", claimed + TimeSpan.FromHours(1), default));
        await using var survivor = _harness.Worker("survivor");

        var result = await survivor.RunJob.RunAsync(Context(), input).WaitAsync(TimeSpan.FromSeconds(30));

        var waited = DateTimeOffset.UtcNow - claimed;
        Assert.Equal(new JobResult(BuildStatus.Failed, JobClaimKeeper.WorkerStoppedReason), result);
        Assert.True(waited >= _harness.Options.JobHeartbeatTimeout - TimeSpan.FromMilliseconds(200), $"gave up on a fresh claim {waited} after it was written");
        Assert.False(File.Exists(runs));
    }

    [Fact]
    public async Task RunAsync_StorageFailsWhileWaitingForAnotherWorker_KeepsWaitingAndReturnsTheResult()
    {
        var runs = Path.Combine(_harness.Scratch, "runs");
        var input = await _harness.BuildWithJobAsync($"echo run >> {runs}\nsleep 6\nexit 3");
        var outage = new StorageOutage();
        await using var first = _harness.Worker("first");
        await using var second = _harness.Worker("second", outage: outage);
        var original = first.RunJob.RunAsync(Context(), input);
        await WaitForFileAsync(runs);
        var repeated = second.RunJob.RunAsync(Context(), input);

        // Past the claim (a read, an insert, its read-back) and one round of the wait (two reads).
        await WaitUntilAsync(() => outage.Requests >= 6);
        outage.Down = true;
        await Task.Delay(TimeSpan.FromSeconds(2));
        outage.Down = false;

        var result = await original;
        Assert.Equal(new JobResult(BuildStatus.Failed), result);
        Assert.Equal(result, await repeated.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(await File.ReadAllLinesAsync(runs));
        Assert.Equal(3, (await _harness.JobAsync()).ExitCode);
    }

    [Fact]
    public async Task RunAsync_StorageDownLongerThanTheHeartbeatTimeout_TheLiveWorkerIsNotGivenUpAfterwards()
    {
        // Neither worker reaches storage for longer than the timeout: the claim looks stale when it
        // comes back, though its holder beats again within a second. Storage comes back just before
        // the waiting delivery's retry 3.75 s after its first failure (back-off 0.25, 0.5, 1, 2 s),
        // so that retry comes before the holder's beat.
        var runs = Path.Combine(_harness.Scratch, "runs");
        var input = await _harness.BuildWithJobAsync($"echo run >> {runs}\nsleep 10\nexit 3");
        var (firstOutage, secondOutage) = (new StorageOutage(), new StorageOutage());
        await using var first = _harness.Worker("first", outage: firstOutage);
        await using var second = _harness.Worker("second", outage: secondOutage);
        var original = first.RunJob.RunAsync(Context(), input);
        await WaitForFileAsync(runs);
        var repeated = second.RunJob.RunAsync(Context(), input);
        await WaitUntilAsync(() => secondOutage.Requests >= 6);

        (firstOutage.Down, secondOutage.Down) = (true, true);
        await WaitUntilAsync(() => secondOutage.FirstRefused is not null);
        await Task.Delay(TimeSpan.FromSeconds(3.6) - Stopwatch.GetElapsedTime(secondOutage.FirstRefused!.Value));
        (firstOutage.Down, secondOutage.Down) = (false, false);

        var result = await original.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(new JobResult(BuildStatus.Failed), result);
        Assert.Equal(result, await repeated.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(3, (await _harness.JobAsync()).ExitCode);
        Assert.False((await _harness.Claims.GetAsync(input.BuildId, input.StageIndex, input.JobIndex, default))!.Abandoned);
    }

    [Fact]
    public async Task RunAsync_HostStopsWhileTheScriptRuns_EndsTheScriptAndRecordsTheJobFailedWithTheReason()
    {
        // A graceful stop must not wait for an hour-long script, and the redelivery must not run it again.
        var runs = Path.Combine(_harness.Scratch, "runs");
        var input = await _harness.BuildWithJobAsync($"echo run >> {runs}\nsleep 300");
        await using var stopping = _harness.Worker("stopping");
        await using var next = _harness.Worker("next");
        var run = stopping.RunJob.RunAsync(Context(), input);
        await WaitForFileAsync(runs);

        stopping.Lifetime.StopApplication();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));
        var redelivered = await next.RunJob.RunAsync(Context(), input).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new JobResult(BuildStatus.Failed, JobClaimKeeper.WorkerStoppedReason), result);
        Assert.Equal(BuildStatus.Failed, redelivered.Status);
        Assert.Equal(BuildStatus.Failed, (await _harness.JobAsync()).Status);
        Assert.Single(await File.ReadAllLinesAsync(runs));
    }

    [Fact]
    public async Task RunAsync_DeliveredAfterTheHostBeganToStop_NeitherClaimsNorRunsTheJob()
    {
        // A stopping worker leaves new deliveries to the others instead of starting and killing them.
        var runs = Path.Combine(_harness.Scratch, "runs");
        var input = await _harness.BuildWithJobAsync($"echo run >> {runs}");
        await using var stopping = _harness.Worker("stopping");
        stopping.Lifetime.StopApplication();

        var run = stopping.RunJob.RunAsync(Context(), input);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.False(run.IsCompleted, "the stopping worker completed the delivery");
        Assert.Null(await _harness.Claims.GetAsync(input.BuildId, input.StageIndex, input.JobIndex, default));
        Assert.False(File.Exists(runs), "the stopping worker ran the script");
        Assert.Equal(BuildStatus.Queued, (await _harness.JobAsync()).Status);
    }

    [Fact]
    public async Task RunAsync_JobAlreadyFinal_ReturnsTheRecordedStatusWithoutRunning()
    {
        var runs = Path.Combine(_harness.Scratch, "runs");
        var input = await _harness.BuildWithJobAsync($"echo run >> {runs}");
        await using var worker = _harness.Worker("late");
        Assert.Equal(BuildStatus.Passed, (await worker.RunJob.RunAsync(Context(), input)).Status);

        var again = await worker.RunJob.RunAsync(Context(), input);

        Assert.Equal(new JobResult(BuildStatus.Passed), again);
        Assert.Single(await File.ReadAllLinesAsync(runs));
    }

    [Fact]
    public async Task RunAsync_BuildKilledBeforeTheJobStarts_RecordsKilledWithoutRunning()
    {
        var runs = Path.Combine(_harness.Scratch, "runs");
        var input = await _harness.BuildWithJobAsync($"echo run >> {runs}");
        await using var worker = _harness.Worker("w");
        await worker.Kill.RunAsync(Context(), _harness.Lease);

        var result = await worker.RunJob.RunAsync(Context(), input);

        Assert.Equal(BuildStatus.Killed, result.Status);
        Assert.False(File.Exists(runs));
    }

    private TestActivityContext Context() => new(_harness.BuildId, nameof(RunJobActivity));

    private static async Task<string> WaitForFileAsync(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path) && await File.ReadAllTextAsync(path) is { Length: > 0 } text && text.EndsWith('\n'))
            {
                return text;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{path} never appeared: the job did not start");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(20);
        }
    }

    /// <summary>Alive = has a /proc entry that is not a zombie.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
