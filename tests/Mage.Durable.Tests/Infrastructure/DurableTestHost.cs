using Mage.Durable.Backend;
using Mage.Durable.History;
using Mage.Durable.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Durable.Tests.Infrastructure;

/// <summary>
/// One backend, a manual clock, a client and any number of workers for a test. Waits are bounded by a
/// real-time timeout so a broken engine fails the test instead of hanging it; time itself only moves
/// when the test advances the clock.
/// </summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    public DurableTestHost(Func<TimeProvider, IOrchestrationBackend> backendFactory, bool extendedSessions = true, TimeSpan? waitTimeout = null)
    {
        WaitTimeout = waitTimeout ?? TimeSpan.FromSeconds(30);
        ArgumentNullException.ThrowIfNull(backendFactory);
        Clock = new ManualTimeProvider();
        Backend = backendFactory(Clock);
        Client = new BackendDurableTaskClient(Backend, Clock);
        Probe = new ActivityProbe(Clock);
        ExtendedSessions = extendedSessions;
    }

    public ManualTimeProvider Clock { get; }

    public IOrchestrationBackend Backend { get; }

    public DurableTaskClient Client { get; }

    public ActivityProbe Probe { get; }

    public bool ExtendedSessions { get; }

    /// <summary>Real-time bound on every wait, so a broken engine fails the test instead of hanging it.</summary>
    public TimeSpan WaitTimeout { get; }

    /// <summary>Starts a worker with the standard test tasks plus <paramref name="register"/>.</summary>
    public async Task<DurableTaskWorker> StartWorkerAsync(
        Action<DurableTaskBuilder>? register = null,
        Action<DurableTaskWorkerOptions>? configure = null,
        bool standardTasks = true)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Probe);
        services.AddDurableTask(b =>
        {
            b.UseBackend(Backend);
            b.Configure(o =>
            {
                o.MaxConcurrentOrchestrations = 2;
                o.MaxConcurrentActivities = 8;
                o.ShutdownTimeout = TimeSpan.FromSeconds(5);
                o.ExtendedSessions = ExtendedSessions;
                configure?.Invoke(o);
            });
            if (standardTasks)
            {
                TestTasks.Register(b);
            }

            register?.Invoke(b);
        });
        ServiceProvider provider = services.BuildServiceProvider();
        _providers.Add(provider);
        DurableTaskWorker worker = provider.GetRequiredService<DurableTaskWorker>();
        await worker.StartAsync(CancellationToken.None);
        return worker;
    }

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    public async Task<IReadOnlyList<HistoryEvent>> HistoryAsync(string instanceId) =>
        (await Backend.LoadInstanceAsync(instanceId, CancellationToken.None))?.History ?? [];

    /// <summary>Polls the committed history until <paramref name="condition"/> holds.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> WaitForHistoryAsync(string instanceId, Func<IReadOnlyList<HistoryEvent>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        while (true)
        {
            IReadOnlyList<HistoryEvent> history = await HistoryAsync(instanceId);
            if (condition(history))
            {
                return history;
            }

            await Task.Delay(2, timeout.Token);
        }
    }

    public async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        while (!condition())
        {
            await Task.Delay(2, timeout.Token);
        }
    }

    public async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        while (!await condition())
        {
            await Task.Delay(2, timeout.Token);
        }
    }

    /// <summary>
    /// Drives an instance to completion by moving the clock to each pending durable timer in turn
    /// (and waiting for it to be applied), so tests never sleep for the timer durations.
    /// </summary>
    public async Task<OrchestrationMetadata> RunTimersToCompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        while (true)
        {
            OrchestrationMetadata? meta = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            if (meta is { IsCompleted: true })
            {
                return meta;
            }

            IReadOnlyList<HistoryEvent> history = await HistoryAsync(instanceId);
            var fired = history.OfType<TimerFiredEvent>().Select(t => t.TimerId).ToHashSet();
            TimerCreatedEvent? next = history.OfType<TimerCreatedEvent>().Where(t => !fired.Contains(t.EventId)).MinBy(t => t.FireAt);
            if (next is not null && next.FireAt > Clock.GetUtcNow().UtcDateTime)
            {
                Clock.AdvanceTo(new DateTimeOffset(next.FireAt, TimeSpan.Zero));
                await WaitForHistoryAsync(instanceId, h => h.OfType<TimerFiredEvent>().Any(t => t.TimerId == next.EventId) || h.Any(e => e is ExecutionCompletedEvent or ExecutionTerminatedEvent));
                continue;
            }

            await Task.Delay(2, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ServiceProvider provider in _providers)
        {
            await provider.DisposeAsync();
        }

        (Backend as IDisposable)?.Dispose();
    }
}
