using Mage.Builds.Activities;
using Mage.Builds.Records;
using Mage.Manifests;
using Microsoft.DurableTask;

namespace Mage.Builds.Orchestration;

/// <summary>
/// Runs one build (instance id = build id), following architecture.md "The flow of one build":
/// status running and the driver created (one activity, bounded by a durable timer) → place
/// objects → clone the sources in parallel → generate code (builds with a configuration
/// version) → stages in order, jobs of a stage in parallel (bounded) → merge request (builds
/// with a configuration version, once every stage passed) → destroy the driver on every path →
/// final status.
/// </summary>
/// <remarks>
/// Deterministic: every side effect is an activity, time is <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>,
/// and <see cref="Task.WhenAny(Task[])"/> only ever sees durable tasks. A kill (external event
/// <see cref="KillEvent"/>) and the build deadline interrupt any wait. No activity is bound to a
/// worker: the workspace is reachable from every worker, a kill reaches running jobs through
/// storage (<see cref="KillJobsActivity"/>), and a job whose worker stopped comes back from its
/// redelivered activity as failed with the reason.
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

    /// <summary>
    /// Retries of the idempotent bookkeeping steps (the final status, the kill request): one storage
    /// hiccup past the SDK's own retries must not leave a build running with its tag locked.
    /// </summary>
    public static readonly RetryPolicy StorageStepRetry = new(maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1));

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
        private readonly List<Task<JobResult>> _inFlight = [];
        private Task _kill = Task.CompletedTask;
        private Task _deadline = Task.CompletedTask;
        private DriverLease? _lease;
        private Task<DriverLease?>? _creating;
        private bool _withFailures;

        public async Task<string> ExecuteAsync()
        {
            _kill = context.WaitForExternalEvent<string>(KillEvent, _lifetime.Token);
            _deadline = context.CreateTimer(context.CurrentUtcDateTime + input.BuildTimeout, _lifetime.Token);

            string status;
            string? error = null;
            try
            {
                if (!await StartAsync())
                {
                    _lifetime.Cancel();
                    return "not started: the build was already final";
                }

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

            await FinishAsync(status, error);
            return status;
        }

        /// <summary>
        /// Moves the build to running and creates its driver, in one activity (one round trip less on
        /// every build); false when the build was already final (killed while queued): it never starts.
        /// </summary>
        private async Task<bool> StartAsync()
        {
            var created = context.CallActivityAsync<DriverLease?>(nameof(CreateDriverActivity), new CreateDriverInput(input.BuildId, input.Plan.Driver));
            _creating = created;
            _lease = await InterruptibleAsync(created, input.DriverCreateTimeout,
                () => new BuildInterruptedException(BuildStatus.TimedOut, $"driver creation exceeded {GoDuration.Format(input.DriverCreateTimeout)}"));
            return _lease is not null;
        }

        private async Task RunStepsAsync()
        {
            if (input.Plan.Objects.Count > 0)
            {
                await UntilInterruptedAsync(context.CallActivityAsync<bool>(nameof(PlaceObjectsActivity), new PlaceObjectsInput(input.BuildId, _lease!, input.Plan.Objects)));
            }

            // Stage 0 is the builtin setup stage (driver, clones): code is generated after the
            // sources are in place and before the manifest's own stages build and test it.
            await RunStageOrFailAsync(0);
            await GenerateCodeAsync();
            for (var s = 1; s < input.Plan.Stages.Count; s++)
            {
                await RunStageOrFailAsync(s);
            }

            // Step 9 runs only for builds that generated code, and only once every stage passed;
            // a failed job in an allow_failures stage still opens the merge request (the build
            // ends passed_with_failures, and the description shows that job's result).
            if (input.ConfigurationVersion is { } configurationVersion)
            {
                await CreateMergeRequestAsync(configurationVersion);
            }
        }

        /// <summary>Runs one stage; a failed job fails the build unless the stage may fail.</summary>
        private async Task RunStageOrFailAsync(int stageIndex)
        {
            var stage = input.Plan.Stages[stageIndex];
            if (await RunStageAsync(stageIndex, stage) is not { } failed)
            {
                return;
            }

            if (stage.CanFail)
            {
                _withFailures = true;
                return;
            }

            var why = failed.Error is { } error ? ": " + error : "; see its log";
            throw new BuildInterruptedException(BuildStatus.Failed, stageIndex == 0
                ? $"{failed.Name} failed{why}"
                : $"job {failed.Name} in stage {stage.Name} failed{why}");
        }

        /// <summary>Publishes the generated code (step 9); the build can pass only once this returns.</summary>
        private async Task CreateMergeRequestAsync(long configurationVersion)
        {
            var call = context.CallActivityAsync<MergeRequestOutcome>(MageActivityNames.CreateMergeRequest,
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

            var generated = await UntilInterruptedAsync(context.CallActivityAsync<GenerateCodeResult>(MageActivityNames.GenerateCode, new GenerateCodeInput(input.BuildId, _lease!, version)));
            if (!generated.Succeeded)
            {
                throw new BuildInterruptedException(BuildStatus.Failed, $"code generation failed: {generated.Error}");
            }
        }

        /// <summary>Runs the jobs of one stage, at most <see cref="BuildOrchestrationInput.MaxParallelJobs"/> at a time; returns the first failed job (name and reason), or null.</summary>
        private async Task<(string Name, string? Error)?> RunStageAsync(int stageIndex, PlanStage stage)
        {
            var pending = new Queue<(int Index, PlanJob Job)>(stage.Jobs.Select((j, i) => (i, j)).Where(x => x.j.Kind != PlanJobKind.CreateDriver));
            var names = new Dictionary<Task<JobResult>, string>();
            (string Name, string? Error)? firstFailure = null;
            while (pending.Count > 0 || _inFlight.Count > 0)
            {
                while (_inFlight.Count < Math.Max(1, input.MaxParallelJobs) && pending.TryDequeue(out var next))
                {
                    // Clone jobs are scripts too (git clone, then checkout of the ref), run like any other job.
                    var task = context.CallActivityAsync<JobResult>(nameof(RunJobActivity), new RunJobInput(input.BuildId, input.Tag, _lease!, stageIndex, next.Index, next.Job, input.Plan.Env));
                    names[task] = next.Job.Name;
                    _inFlight.Add(task);
                }

                var done = await UntilInterruptedAsync(Task.WhenAny(_inFlight));
                _inFlight.Remove(done);
                var result = await done;
                if (result.Status != BuildStatus.Passed)
                {
                    firstFailure ??= (names[done], result.Error);
                }
            }

            return firstFailure;
        }

        /// <summary>
        /// Waits for <paramref name="work"/>, a kill or the build deadline. No other bound is needed:
        /// an activity whose worker stopped is delivered again by the engine, and a redelivered job
        /// whose worker is gone ends failed with the reason.
        /// </summary>
        private async Task<T> UntilInterruptedAsync<T>(Task<T> work)
        {
            var winner = await Task.WhenAny(work, _kill, _deadline);
            return winner == work ? await work : throw Interruption(winner);
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

        /// <summary>
        /// Stops what still runs, then destroys the driver while recording the final status (the
        /// user need not wait for the workspace to be removed). Bounded: a job on a worker that stopped
        /// cannot hold the build.
        /// </summary>
        private async Task FinishAsync(string status, string? error)
        {
            var destroyed = Task.CompletedTask;
            if (_lease is not null)
            {
                if (_inFlight.Count > 0)
                {
                    // The kill request is a row in storage that every running job of the build polls.
                    await BoundedAsync(context.CallActivityAsync<bool>(nameof(KillJobsActivity), _lease, TaskOptions.FromRetryPolicy(StorageStepRetry)));
                    await BoundedAsync(Task.WhenAll(_inFlight));
                }

                destroyed = BoundedAsync(context.CallActivityAsync<bool>(nameof(DestroyDriverActivity), _lease));
            }

            _lifetime.Cancel();
            var recorded = context.CallActivityAsync<bool>(nameof(UpdateBuildStatusActivity), new StatusChange(input.BuildId, status, error, BuildStatus.ForUnfinishedJobs(status)),
                TaskOptions.FromRetryPolicy(StorageStepRetry));
            await Task.WhenAll(destroyed, recorded);
            if (_lease is null && _creating is { } creating)
            {
                // The build ended while its driver was still being created. The start step destroys a
                // late driver itself when it sees the final status; one that became ready just before
                // that status was written is handed back here, and destroyed.
                await BoundedAsync(creating);
                if (creating.IsCompletedSuccessfully && creating.Result is { } late)
                {
                    await BoundedAsync(context.CallActivityAsync<bool>(nameof(DestroyDriverActivity), late));
                }
            }
        }

        private async Task BoundedAsync(Task work)
        {
            var bound = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime + CleanupDeadline, bound.Token);
            await Task.WhenAny(work, timer);
            bound.Cancel();
        }
    }
}
