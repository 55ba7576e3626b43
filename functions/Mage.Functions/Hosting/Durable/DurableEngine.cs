using DurableTask.AzureStorage;
using DurableTask.Core;
using Mage.Builds.Durable;
using Microsoft.DurableTask.Worker.Shims;

namespace Mage.Functions.Hosting.Durable;

/// <summary>
/// The app's durable engine: DurableTask.Core's <see cref="TaskHubWorker"/> over one
/// <see cref="AzureStorageOrchestrationService"/> (shared with the client), running the build's
/// orchestrator and activities (<see cref="DurableEngineTasks"/>, by default <see cref="BuildTasks"/>)
/// through <see cref="DurableTaskShimFactory"/>.
/// </summary>
/// <remarks>
/// <see cref="StartAsync"/> creates the task hub's tables, queues and containers when missing, then
/// starts polling. <see cref="StopAsync"/> hands work back gracefully within
/// <see cref="DurableEngineOptions.ShutdownTimeout"/> (about 1 s when the running jobs end on the
/// host's stopping token): running activities report, running episodes finish, partition leases
/// are released. Whatever is still running after the timeout is redelivered by the provider once
/// its message visibility and partition leases expire, so a stop never loses a build.
/// </remarks>
public sealed partial class DurableEngine(
    AzureStorageOrchestrationService service, AzureStorageOrchestrationServiceSettings settings, DurableTaskShimFactory shims, DurableEngineTasks tasks, IServiceProvider services, DurableEngineOptions options, ILoggerFactory loggerFactory)
{
    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger = loggerFactory.CreateLogger<DurableEngine>();
    private TaskHubWorker? _worker;

    /// <summary>The provider: the engine's storage and its client side.</summary>
    public AzureStorageOrchestrationService Service => service;

    /// <summary>Completes once the task hub's storage exists (clients wait for it before they schedule).</summary>
    public Task WaitCreatedAsync(CancellationToken cancellationToken) => _created.Task.WaitAsync(cancellationToken);

    /// <summary>Creates the task hub when missing and starts the worker. Called once.</summary>
    public async Task StartAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await service.CreateIfNotExistsAsync();
        _created.TrySetResult();
        var worker = new TaskHubWorker(service, loggerFactory)
        {
            // The shims read TaskFailedException.FailureDetails; the engine fills it only in this mode.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        worker.AddTaskOrchestrations(tasks.Orchestrators.Select(t => (ObjectCreator<TaskOrchestration>)new ShimCreator<TaskOrchestration>(
            t, services, (name, task) => shims.CreateOrchestration(name, (Microsoft.DurableTask.ITaskOrchestrator)task, parent: null))).ToArray());
        worker.AddTaskActivities(tasks.Activities.Select(t => (ObjectCreator<TaskActivity>)new ShimCreator<TaskActivity>(
            t, services, (name, task) => shims.CreateActivity(name, (Microsoft.DurableTask.ITaskActivity)task))).ToArray());
        await worker.StartAsync();
        _worker = worker;
        EngineStarted(_logger, settings.TaskHubName, settings.WorkerId, settings.PartitionCount, started.ElapsedMilliseconds);
    }

    /// <summary>Stops the worker: gracefully within the shutdown timeout, then by letting go.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _worker, null) is not { } worker)
        {
            return;
        }

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await StopInOrderAsync(worker).WaitAsync(options.ShutdownTimeout);
            EngineStopped(_logger, settings.WorkerId, stopping.ElapsedMilliseconds);
        }
        catch (TimeoutException)
        {
            // Storage gone or an activity still running: its message and the partition leases expire and another worker takes over.
            EngineStopTimedOut(_logger, settings.WorkerId, options.ShutdownTimeout);
        }
    }

    /// <summary>
    /// Stops fetching work, lets the running activities report, and hands the partitions back, the
    /// last two at once. <see cref="TaskHubWorker.StopAsync(bool)"/> alone would wait first for every
    /// dispatcher's running work items and only then stop the provider; but an extended session is a
    /// running orchestration work item that waits for its next message until the idle timeout
    /// (30 s) or until the provider stops, so the orchestration dispatcher's graceful wait always ran
    /// out its own limit (8 one-second polls) before the provider was told to stop.
    /// </summary>
    private static async Task StopInOrderAsync(TaskHubWorker worker)
    {
        // Graceful: no new activity is fetched; the running ones (a job being ended by the host's
        // stopping token records itself failed) finish and send their results. The dispatcher polls
        // its count once a second, up to 8 times.
        var activities = worker.TaskActivityDispatcher.StopAsync(forced: false);

        // Forced here only means "do not wait": no new episode is fetched, and the provider's stop
        // below waits for the episodes still running (the partition drain waits for their sessions)
        // before it releases a partition's lease.
        await worker.TaskOrchestrationDispatcher.StopAsync(forced: true);

        // The dispatchers are stopped, so this is the provider's graceful stop: it cancels the idle
        // extended sessions' waits, drains each partition and releases its lease. Not forced: a forced
        // provider stop drops the sessions of episodes still running before their partitions drain.
        // (The app runs no entities, so there is no separate entity dispatcher to stop.)
        var provider = worker.StopAsync(isForced: false);
        await Task.WhenAll(activities, provider);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Durable engine started: task hub {TaskHub}, worker {WorkerId}, {Partitions} partitions, in {ElapsedMs} ms")]
    private static partial void EngineStarted(ILogger logger, string taskHub, string workerId, int partitions, long elapsedMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Durable engine on worker {WorkerId} stopped in {ElapsedMs} ms")]
    private static partial void EngineStopped(ILogger logger, string workerId, long elapsedMs);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Durable engine on worker {WorkerId} did not stop within {Timeout}; its work is redelivered once messages and leases expire")]
    private static partial void EngineStopTimedOut(ILogger logger, string workerId, TimeSpan timeout);
}
