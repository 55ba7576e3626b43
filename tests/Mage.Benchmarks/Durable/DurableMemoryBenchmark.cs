using System.Diagnostics;
using System.Globalization;
using Mage.Durable;
using Mage.Durable.Backend;
using Mage.Durable.Backend.InMemory;
using Mage.Durable.Engine;
using Mage.Durable.History;
using Mage.Durable.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Benchmarks.Durable;

/// <summary>
/// Engine throughput on the in-memory backend: sequential chains, fan-out/fan-in, orchestrations per
/// second, replay cost, and how chain cost grows with length (with and without extended sessions).
/// Anchor: Durable Functions on Azure Storage, one small VM: 5 sequential activities/s, 100 fan-out/s.
/// </summary>
public static class DurableMemoryBenchmark
{
    public static async Task RunAsync()
    {
        Console.WriteLine($"cores: {Environment.ProcessorCount}; anchor (DF on Azure Storage, small VM): 5 sequential/s, 100 fan-out/s");
        await using (Rig rig = await Rig.StartAsync(extendedSessions: true))
        {
            await rig.RunAsync(nameof(ChainOrchestrator), 200); // warm-up (JIT)
            await rig.RunAsync(nameof(FanOutOrchestrator), 200);

            TimeSpan chain = await rig.RunAsync(nameof(ChainOrchestrator), 5000);
            Print("sequential chain, 5,000 activities", 5000 / chain.TotalSeconds, "activities/s");

            TimeSpan fan = await rig.RunAsync(nameof(FanOutOrchestrator), 5000);
            Print("fan-out/fan-in, 5,000 activities", 5000 / fan.TotalSeconds, "activities/s");

            TimeSpan many = await rig.RunManyAsync(2000);
            Print("orchestrations (1 activity each), 2,000 started+completed", 2000 / many.TotalSeconds, "orchestrations/s");

            Console.WriteLine("chain cost per activity (extended sessions on, best of 3; flat means linear total cost):");
            foreach (int n in new[] { 100, 1000, 5000 })
            {
                TimeSpan t = await rig.BestOfAsync(3, nameof(ChainOrchestrator), n);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  chain {n,5}: {t.TotalMilliseconds * 1000 / n,8:F1} µs/activity  ({t.TotalMilliseconds:F0} ms)"));
            }

            await rig.ReplayCostAsync(1000);
        }

        await using (Rig rig = await Rig.StartAsync(extendedSessions: false))
        {
            Console.WriteLine("chain cost per activity (extended sessions off: full replay every episode, grows with length):");
            await rig.RunAsync(nameof(ChainOrchestrator), 100);
            foreach (int n in new[] { 100, 500, 1000 })
            {
                TimeSpan t = await rig.RunAsync(nameof(ChainOrchestrator), n);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  chain {n,5}: {t.TotalMilliseconds * 1000 / n,8:F1} µs/activity  ({t.TotalMilliseconds:F0} ms)"));
            }
        }
    }

    private static void Print(string what, double rate, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-58} {rate,10:N0} {unit}"));

    private sealed class Rig : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;

        private Rig(ServiceProvider provider)
        {
            _provider = provider;
            Client = provider.GetRequiredService<DurableTaskClient>();
            Backend = provider.GetRequiredService<IOrchestrationBackend>();
        }

        public DurableTaskClient Client { get; }

        public IOrchestrationBackend Backend { get; }

        public static async Task<Rig> StartAsync(bool extendedSessions)
        {
            var services = new ServiceCollection();
            services.AddDurableTask(b => b
                .UseInMemoryBackend()
                .AddOrchestrator<ChainOrchestrator>()
                .AddOrchestrator<FanOutOrchestrator>()
                .AddActivity<NoopActivity>()
                .Configure(o => o.ExtendedSessions = extendedSessions));
            ServiceProvider provider = services.BuildServiceProvider();
            await provider.GetRequiredService<DurableTaskWorker>().StartAsync(CancellationToken.None);
            return new Rig(provider);
        }

        public async Task<TimeSpan> RunAsync(string orchestrator, int n)
        {
            var sw = Stopwatch.StartNew();
            string id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, n);
            OrchestrationMetadata done = await Client.WaitForInstanceCompletionAsync(id, CancellationToken.None);
            sw.Stop();
            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                throw new InvalidOperationException($"{orchestrator}({n}) ended {done.RuntimeStatus}: {done.FailureDetails}");
            }

            return sw.Elapsed;
        }

        public async Task<TimeSpan> RunManyAsync(int count)
        {
            var sw = Stopwatch.StartNew();
            var ids = new List<string>(count);
            for (int i = 0; i < count; i++)
            {
                ids.Add(await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), 1));
            }

            await Task.WhenAll(ids.Select(id => Client.WaitForInstanceCompletionAsync(id, CancellationToken.None)));
            sw.Stop();
            return sw.Elapsed;
        }

        /// <summary>Time to rebuild an instance's state from a history of about <paramref name="events"/> events.</summary>
        public async Task ReplayCostAsync(int events)
        {
            // Each chain step adds OrchestratorStarted, TaskCompleted and TaskScheduled.
            string id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), events / 3);
            await Client.WaitForInstanceCompletionAsync(id, CancellationToken.None);
            InstanceState state = (await Backend.LoadInstanceAsync(id, CancellationToken.None))!;
            HistoryEvent[] history = [.. state.History.Where(e => e is not ExecutionCompletedEvent)];

            const int rounds = 500;
            Replay(id, history, 100); // warm-up so the measurement sees optimized code
            var sw = Stopwatch.StartNew();
            Replay(id, history, rounds);
            sw.Stop();
            double perReplayUs = sw.Elapsed.TotalMilliseconds * 1000 / rounds;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{"replay of one instance, " + history.Length + " history events",-58} {perReplayUs,10:N0} µs/replay ({perReplayUs * 1000 / history.Length:F0} ns/event)"));
        }

        public async Task<TimeSpan> BestOfAsync(int runs, string orchestrator, int n)
        {
            TimeSpan best = TimeSpan.MaxValue;
            for (int i = 0; i < runs; i++)
            {
                TimeSpan t = await RunAsync(orchestrator, n);
                best = t < best ? t : best;
            }

            return best;
        }

        private static void Replay(string id, HistoryEvent[] history, int rounds)
        {
            for (int i = 0; i < rounds; i++)
            {
                var executor = new OrchestrationExecutor(nameof(ChainOrchestrator), id, new ChainOrchestrator(), NullLoggerFactory.Instance);
                executor.Replay(history);
            }
        }

        public ValueTask DisposeAsync() => _provider.DisposeAsync();
    }
}
