using System.Collections.Concurrent;
using Mage.Durable.Backend;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mage.Durable.Worker;

/// <summary>
/// Runs registered orchestrators and activities against an <see cref="IOrchestrationBackend"/>:
/// <see cref="DurableTaskWorkerOptions.MaxConcurrentOrchestrations"/> loops receive control work items
/// and run episodes, <see cref="DurableTaskWorkerOptions.MaxConcurrentActivities"/> loops receive work
/// items from this worker's affinity queue and the shared queue. Several workers (processes, or
/// instances in one process) may share a backend. Start and stop are not concurrent-safe with each
/// other; everything else is internal. Registered as a hosted service by <c>AddDurableTask</c>.
/// </summary>
public sealed partial class DurableTaskWorker : IHostedService, IAsyncDisposable
{
    private readonly IOrchestrationBackend _backend;
    private readonly DurableTaskRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly DurableTaskWorkerOptions _options;
    private readonly IDurableWorkerIdentity _identity;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, OrchestrationSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BackendMessage> _inFlight = new(StringComparer.Ordinal);
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private bool _started;
    private bool _stopped;

    /// <summary>Creates a worker; normally resolved from DI.</summary>
    public DurableTaskWorker(
        IOrchestrationBackend backend,
        DurableTaskRegistry registry,
        IServiceProvider services,
        IOptions<DurableTaskWorkerOptions> options,
        IDurableWorkerIdentity identity,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _backend = backend;
        _registry = registry;
        _services = services;
        _options = options.Value;
        _identity = identity;
        _time = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DurableTaskWorker>();
    }

    /// <summary>This worker's identity (id and affinity queue).</summary>
    public IDurableWorkerIdentity Identity => _identity;

    /// <summary>Number of instances whose state is cached in memory (extended sessions).</summary>
    public int CachedSessionCount => _sessions.Count;

    /// <summary>Starts the receive loops. Returns at once.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        if (_started)
        {
            return Task.CompletedTask;
        }

        _started = true;
        CancellationToken stopping = _stopping.Token;
        for (int i = 0; i < _options.MaxConcurrentOrchestrations; i++)
        {
            _loops.Add(Task.Run(() => OrchestrationLoopAsync(stopping), CancellationToken.None));
        }

        string[] queues = [_identity.QueueName, _backend.SharedWorkItemQueue];
        for (int i = 0; i < _options.MaxConcurrentActivities; i++)
        {
            _loops.Add(Task.Run(() => ActivityLoopAsync(queues, stopping), CancellationToken.None));
        }

        Logs.WorkerStarted(_logger, _identity.WorkerId, _identity.QueueName, _options.MaxConcurrentOrchestrations, _options.MaxConcurrentActivities);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops receiving, lets running episodes and activities finish within
    /// <see cref="DurableTaskWorkerOptions.ShutdownTimeout"/> (or until <paramref name="cancellationToken"/>),
    /// then cancels the activities' tokens and abandons their work items so another worker runs them again.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_started || _stopped)
        {
            return;
        }

        _stopped = true;
        Logs.WorkerStopping(_logger, _identity.WorkerId, _options.ShutdownTimeout);
        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // Disposed by a concurrent DisposeAsync (hosts may stop and dispose at once): already stopped.
            return;
        }
        Task all = Task.WhenAll(_loops);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(_options.ShutdownTimeout);
        try
        {
            await all.WaitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            Logs.WorkerAbandoning(_logger, _identity.WorkerId, _inFlight.Count);
            await _abort.CancelAsync();

            // Activities that honour the token abandon their own work item; the rest are abandoned here.
            try
            {
                await all.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
            catch (TimeoutException)
            {
            }

            foreach (string key in _inFlight.Keys)
            {
                if (_inFlight.TryRemove(key, out BackendMessage? message))
                {
                    await _backend.AbandonWorkItemAsync(message, TimeSpan.Zero, CancellationToken.None);
                }
            }
        }

        _sessions.Clear();
        Logs.WorkerStopped(_logger, _identity.WorkerId);
    }

    /// <summary>Stops (with the configured grace period) and releases resources.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopped = true;
        _stopping.Dispose();
        _abort.Dispose();
    }

    private static async Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
