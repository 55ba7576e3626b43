using Mage.Builds.Activities;
using Mage.Builds.Records;
using Mage.Durable;
using Mage.Manifests;

namespace Mage.Builds.Orchestration;

/// <summary>
/// Runs one build (instance id = build id), following architecture.md "The flow of one build":
/// status running → create the driver (bounded by a durable timer) → place objects → clone the
/// sources in parallel → generate code (builds with a configuration version) → stages in order,
/// jobs of a stage in parallel (bounded) → merge request (builds with a configuration version,
/// once every stage passed) → destroy the driver on every path → final status.
/// </summary>
/// <remarks>
/// Deterministic: every side effect is an activity, time is <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>,
/// and <see cref="Task.WhenAny(Task[])"/> only ever sees durable tasks. A kill (external event
/// <see cref="KillEvent"/>), the build deadline and a lost worker interrupt any wait.
/// </remarks>
public sealed class BuildOrchestrator : TaskOrchestrator<BuildOrchestrationInput, string>
{
    /// <summary>External event that kills the build.</summary>
    public const string KillEvent = "kill";

    /// <summary>How long cleanup (kill signals, driver destruction) may take once the build ends.</summary>
    public static readonly TimeSpan CleanupDeadline = TimeSpan.FromMinutes(2);

    /// <summary>Longest the merge-request step may take, retries included.</summary>
    public static readonly TimeSpan MergeRequestTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Retries of the merge-request step after a transient failure (rate limits, 5xx, network, a lost push race).</summary>
    public static readonly RetryPolicy MergeRequestRetry = new(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(15), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(2));

    /// <inheritdoc />
    public override Task<string> RunAsync(TaskOrchestrationContext context, BuildOrchestrationInput input) =>
        new BuildRun(context, input).ExecuteAsync();

    /// <summary>The state of one execution; lives only for one replay.</summary>
    /// <remarks>
    /// Cancellation sources here are cancelled, never disposed: the runtime may still look at a
    /// timer's token after the await that created it has returned.
    /// </remarks>
    private sealed class BuildRun(TaskOrchestrationContext context, BuildOrchestrationInput input)
    {
        private readonly CancellationTokenSource _lifetime = new();
        private readonly List<Task<string>> _inFlight = [];
        private Task _kill = Task.CompletedTask;
        private Task _deadline = Task.CompletedTask;
        private DriverLease? _lease;
        private bool _withFailures;

        public async Task<string> ExecuteAsync()
        {
            // A build killed while queued is already final: it never starts.
            if (!await context.CallActivityAsync<bool>(nameof(StartBuildActivity), new BuildRef(input.BuildId)))
            {
                return "not started: the build was already final";
            }

            _kill = context.WaitForExternalEvent<string>(KillEvent, _lifetime.Token);
            _deadline = context.CreateTimer(context.CurrentUtcDateTime + input.BuildTimeout, _lifetime.Token);

            string status;
            string? error = null;
            try
            {
                await RunStepsAsync();
                status = _withFailures ? BuildStatus.PassedWithFailures : BuildStatus.Passed;
            }
            catch (BuildInterruptedException ex)
            {
                (status, error) = (ex.Status, ex.Message);
            }
            catch (TaskFailedException ex)
            {
                (status, error) = (BuildStatus.Failed, $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}");
            }

            await CleanUpAsync(status);
            _lifetime.Cancel();
            await context.CallActivityAsync<bool>(nameof(UpdateBuildStatusActivity), new StatusChange(input.BuildId, status, error));
            return status;
        }

        private async Task RunStepsAsync()
        {
            var created = context.CallActivityAsync<DriverLease>(nameof(CreateDriverActivity), new CreateDriverInput(input.BuildId, input.Plan.Driver));
            _lease = await InterruptibleAsync(created, input.DriverCreateTimeout,
                () => new BuildInterruptedException(BuildStatus.TimedOut, $"driver creation exceeded {GoDuration.Format(input.DriverCreateTimeout)}"));

            if (input.Plan.Objects.Count > 0)
            {
                await OnDriverAsync(context.CallActivityAsync<bool>(nameof(PlaceObjectsActivity), new PlaceObjectsInput(input.BuildId, _lease, input.Plan.Objects), OnWorker()));
            }

            // "|| s == 1": code generation happens even when the manifest has no stage of its own.
            for (var s = 0; s < input.Plan.Stages.Count || s == 1; s++)
            {
                // Mage step 5: stage 0 is the setup stage (driver, clones); code is generated after it.
                if (s == 1)
                {
                    await GenerateCodeAsync();
                    if (s == input.Plan.Stages.Count)
                    {
                        break;
                    }
                }

                var stage = input.Plan.Stages[s];
                var failed = await RunStageAsync(s, stage);
                if (failed is null)
                {
                    continue;
                }

                if (stage.CanFail)
                {
                    _withFailures = true;
                    continue;
                }

                throw new BuildInterruptedException(BuildStatus.Failed, s == 0
                    ? $"{failed} failed; see its log"
                    : $"job {failed} in stage {stage.Name} failed; see its log");
            }

            // Step 9 runs only for builds that generated code, and only once every stage passed;
            // a failed job in an allow_failures stage still opens the merge request (the build
            // ends passed_with_failures, and the description shows that job's result).
            if (input.ConfigurationVersion is { } configurationVersion)
            {
                await CreateMergeRequestAsync(configurationVersion);
            }
        }

        /// <summary>Publishes the generated code (step 9); the build can pass only once this returns.</summary>
        private async Task CreateMergeRequestAsync(long configurationVersion)
        {
            var call = context.CallActivityAsync<MergeRequestOutcome>(nameof(CreateMergeRequestActivity),
                new CreateMergeRequestInput(input.BuildId, configurationVersion), TaskOptions.FromRetryPolicy(MergeRequestRetry));
            MergeRequestOutcome outcome;
            try
            {
                outcome = await InterruptibleAsync(call, MergeRequestTimeout,
                    () => new BuildInterruptedException(BuildStatus.Failed, $"merge request: the step did not finish within {GoDuration.Format(MergeRequestTimeout)}"));
            }
            catch (TaskFailedException ex)
            {
                throw new BuildInterruptedException(BuildStatus.Failed, $"merge request: {ex.FailureDetails.ErrorMessage}");
            }

            if (outcome.Error is not null || outcome.MergeRequest is null)
            {
                throw new BuildInterruptedException(BuildStatus.Failed, $"merge request: {outcome.Error ?? "the code host returned no merge request"}");
            }
        }

        /// <summary>Mage step 5, for builds with a configuration version: generated code into the workspace and Blob storage; a pack or configuration problem fails the build with its message.</summary>
        private async Task GenerateCodeAsync()
        {
            if (input.ConfigurationVersion is not { } version)
            {
                return;
            }

            var generated = await OnDriverAsync(context.CallActivityAsync<GenerateCodeResult>(nameof(GenerateCodeActivity), new GenerateCodeInput(input.BuildId, _lease!, version), OnWorker()));
            if (!generated.Succeeded)
            {
                throw new BuildInterruptedException(BuildStatus.Failed, $"code generation failed: {generated.Error}");
            }
        }

        /// <summary>Runs the jobs of one stage, at most <see cref="BuildOrchestrationInput.MaxParallelJobs"/> at a time; returns the first failed job's name, or null.</summary>
        private async Task<string?> RunStageAsync(int stageIndex, PlanStage stage)
        {
            var pending = new Queue<(int Index, PlanJob Job)>(stage.Jobs.Select((j, i) => (i, j)).Where(x => x.j.Kind != PlanJobKind.CreateDriver));
            var names = new Dictionary<Task<string>, string>();
            string? firstFailure = null;
            while (pending.Count > 0 || _inFlight.Count > 0)
            {
                while (_inFlight.Count < Math.Max(1, input.MaxParallelJobs) && pending.TryDequeue(out var next))
                {
                    // Clone jobs are scripts too (git clone, then checkout of the ref), run like any other job.
                    var task = context.CallActivityAsync<string>(nameof(RunJobActivity), new RunJobInput(input.BuildId, input.Tag, _lease!, stageIndex, next.Index, next.Job, input.Plan.Env), OnWorker());
                    names[task] = next.Job.Name;
                    _inFlight.Add(task);
                }

                var done = await OnDriverAsync(Task.WhenAny(_inFlight));
                _inFlight.Remove(done);
                var result = await done;
                if (result != BuildStatus.Passed)
                {
                    firstFailure ??= names[done];
                }
            }

            return firstFailure;
        }

        /// <summary>Waits for driver-bound work while checking that the worker owning the workspace still answers.</summary>
        private async Task<T> OnDriverAsync<T>(Task<T> work)
        {
            while (true)
            {
                var tick = new CancellationTokenSource();
                var check = context.CreateTimer(context.CurrentUtcDateTime + input.DriverLivenessInterval, tick.Token);
                var winner = await Task.WhenAny(work, _kill, _deadline, check);
                if (winner == work)
                {
                    tick.Cancel();
                    return await work;
                }

                if (winner != check)
                {
                    tick.Cancel();
                    throw Interruption(winner);
                }

                var ping = context.CallActivityAsync<bool>(nameof(PingDriverActivity), _lease!, OnWorker());
                await InterruptibleAsync(ping, input.DriverLivenessTimeout,
                    () => new BuildInterruptedException(BuildStatus.Failed, $"driver lost: the worker that owns the workspace ({_lease!.WorkerQueue}) did not answer within {GoDuration.Format(input.DriverLivenessTimeout)}"));
            }
        }

        /// <summary>Waits for <paramref name="work"/>, a kill, the build deadline or <paramref name="limit"/>, whichever comes first.</summary>
        private async Task<T> InterruptibleAsync<T>(Task<T> work, TimeSpan limit, Func<BuildInterruptedException> onLimit)
        {
            var bound = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime + limit, bound.Token);
            var winner = await Task.WhenAny(work, _kill, _deadline, timer);
            bound.Cancel();
            if (winner == work)
            {
                return await work;
            }

            throw winner == timer ? onLimit() : Interruption(winner);
        }

        private BuildInterruptedException Interruption(Task winner) => winner == _kill
            ? new BuildInterruptedException(BuildStatus.Killed, "killed by request")
            : new BuildInterruptedException(BuildStatus.TimedOut, $"build exceeded its time limit of {GoDuration.Format(input.BuildTimeout)}");

        /// <summary>Stops what still runs, destroys the driver and gives every job a final status. Bounded: a lost worker cannot hold the build.</summary>
        private async Task CleanUpAsync(string status)
        {
            if (_lease is not null)
            {
                if (_inFlight.Count > 0)
                {
                    await BoundedAsync(context.CallActivityAsync<bool>(nameof(KillJobsActivity), _lease, OnWorker()));
                    await BoundedAsync(Task.WhenAll(_inFlight));
                }

                await BoundedAsync(context.CallActivityAsync<bool>(nameof(DestroyDriverActivity), _lease, OnWorker()));
            }

            var jobStatus = status is BuildStatus.Killed or BuildStatus.TimedOut ? status : BuildStatus.Skipped;
            await context.CallActivityAsync<bool>(nameof(FinishJobsActivity), new FinishJobsInput(input.BuildId, jobStatus));
        }

        private async Task BoundedAsync(Task work)
        {
            var bound = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime + CleanupDeadline, bound.Token);
            await Task.WhenAny(work, timer);
            bound.Cancel();
        }

        private TaskOptions OnWorker() => TaskOptions.ForQueue(_lease!.WorkerQueue);
    }
}
