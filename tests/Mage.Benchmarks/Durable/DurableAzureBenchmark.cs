using System.Diagnostics;
using System.Globalization;
using Mage.Durable;
using Mage.Durable.Backend.AzureStorage;
using Mage.Durable.TestWorker;
using Mage.Durable.Worker;
using Mage.Storage;
using Mage.Storage.Tables;
using Mage.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Benchmarks.Durable;

/// <summary>
/// The Azure Storage backend on a local Azurite (started here, in memory): sequential and fan-out/fan-in activity
/// throughput and one-activity latency with the client and worker in one process (as in the app, where the HTTP
/// trigger and the worker share a process), and orchestrations per second with 1 and 2 worker processes
/// (<c>Mage.Durable.TestWorker</c>) fed by a client-only process. Printed next to the published figures.
/// </summary>
public static class DurableAzureBenchmark
{
    // The worker process's orchestrators (same names as this project's in-memory ones, other classes).
    private const string Chain = nameof(Mage.Durable.TestWorker.Orchestrations.ChainOrchestrator);
    private const string FanOut = nameof(Mage.Durable.TestWorker.Orchestrations.FanOutOrchestrator);
    private const int ChainLength = 300;
    private const int FanOutWidth = 1000;
    private const int LatencyRuns = 200;
    private const int ManyOrchestrations = 300;

    public static async Task RunAsync()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        Console.WriteLine($"cores: {Environment.ProcessorCount}; Azurite (in memory) on this machine; default polling (10 ms .. 1 s)");
        var results = new Results();

        results.RoundTrip = await RoundTripAsync(azurite.Account);
        string hub = TestNames.Unique("bench");
        await using (ServiceProvider provider = TestWorkerHost.Build(azurite.Account, new TestWorkerSettings(hub, "bench-in-process")))
        {
            await provider.GetRequiredService<DurableTaskWorker>().StartAsync(CancellationToken.None);
            DurableTaskClient client = provider.GetRequiredService<DurableTaskClient>();
            await RunOneAsync(client, Chain, 20); // warm-up (JIT, queues, connections)
            await RunOneAsync(client, FanOut, 100);
            await LatencyAsync(client, 20);

            results.Sequential = ChainLength / (await RunOneAsync(client, Chain, ChainLength)).TotalSeconds;
            results.FanOutRate = FanOutWidth / (await RunOneAsync(client, FanOut, FanOutWidth)).TotalSeconds;
            results.Latencies = await LatencyAsync(client, LatencyRuns);
            results.InProcessOrchestrations = ManyOrchestrations / (await ManyAsync(client, azurite.Account, hub, ManyOrchestrations)).TotalSeconds;
        }

        foreach (int processes in new[] { 1, 2 })
        {
            results.ProcessOrchestrations[processes] = await WithProcessesAsync(azurite, processes);
        }

        results.Print();
    }

    /// <summary>Median time of one small storage request (queue metadata) on this Azurite: the unit every step costs.</summary>
    private static async Task<double> RoundTripAsync(StorageAccount account)
    {
        var queue = account.GetQueue(TestNames.Unique("rtt"));
        await queue.CreateIfNotExistsAsync();
        var times = new List<double>();
        for (int i = 0; i < 120; i++)
        {
            var sw = Stopwatch.StartNew();
            await queue.GetApproximateMessageCountAsync();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        await queue.DeleteIfExistsAsync();
        return times.Skip(20).Order().ElementAt(50);
    }

    /// <summary>Orchestrations/s with <paramref name="count"/> worker processes; the client here owns no partitions.</summary>
    private static async Task<double> WithProcessesAsync(TestAzurite azurite, int count)
    {
        string hub = TestNames.Unique("benchp");
        TestWorkerProcess[] workers = [.. Enumerable.Range(0, count).Select(i => new TestWorkerProcess(azurite.ConnectionString, hub, $"bench-p{i}"))];
        await using var backend = new AzureStorageBackend(azurite.Account, new AzureStorageBackendOptions { TaskHub = hub, OwnsPartitions = false });
        var client = new BackendDurableTaskClient(backend, TimeProvider.System);
        try
        {
            await Task.WhenAll(workers.Select(w => w.StartAsync(TimeSpan.FromSeconds(60))));

            // Every worker must hold its share before the clock starts.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await ManyAsync(client, azurite.Account, hub, 30);
            TimeSpan elapsed = await ManyAsync(client, azurite.Account, hub, ManyOrchestrations);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ManyOrchestrations} orchestrations on {count} process(es): {elapsed.TotalMilliseconds:F0} ms"));
            return ManyOrchestrations / elapsed.TotalSeconds;
        }
        finally
        {
            foreach (TestWorkerProcess w in workers)
            {
                await w.StopAsync();
            }
        }
    }

    private static async Task<TimeSpan> RunOneAsync(DurableTaskClient client, string orchestrator, int n)
    {
        var sw = Stopwatch.StartNew();
        string id = await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, n);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        OrchestrationMetadata done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        sw.Stop();
        if (n > 1)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {orchestrator}({n}): {sw.Elapsed.TotalMilliseconds:F0} ms"));
        }

        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<int>() != n)
        {
            throw new InvalidOperationException($"{orchestrator}({n}) ended {done.RuntimeStatus}: {done.FailureDetails}");
        }

        return sw.Elapsed;
    }

    /// <summary>Schedule-to-completion times (ms) of one-activity orchestrations run one after another.</summary>
    private static async Task<List<double>> LatencyAsync(DurableTaskClient client, int runs)
    {
        var times = new List<double>(runs);
        for (int i = 0; i < runs; i++)
        {
            times.Add((await RunOneAsync(client, Chain, 1)).TotalMilliseconds);
        }

        return times;
    }

    /// <summary>
    /// Starts <paramref name="count"/> one-activity orchestrations (16 starts in flight) and waits until all are
    /// completed, counting Completed rows of the Instances read model (one query instead of a poller per instance).
    /// </summary>
    private static async Task<TimeSpan> ManyAsync(DurableTaskClient client, StorageAccount account, string hub, int count)
    {
        TableClient instances = account.GetTable(hub + "Instances");
        int before = await CountCompletedAsync(instances);
        var sw = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(Chain, 1);
            }
            finally
            {
                gate.Release();
            }
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (await CountCompletedAsync(instances) < before + count)
        {
            await Task.Delay(20, timeout.Token);
        }

        return sw.Elapsed;
    }

    private static async Task<int> CountCompletedAsync(TableClient instances)
    {
        int n = 0;
        await foreach (TableEntity _ in instances.QueryAsync("RuntimeStatus eq 'Completed'", ["PartitionKey"]))
        {
            n++;
        }

        return n;
    }

    private sealed class Results
    {
        public double RoundTrip { get; set; }

        public double Sequential { get; set; }

        public double FanOutRate { get; set; }

        public List<double> Latencies { get; set; } = [];

        public double InProcessOrchestrations { get; set; }

        public Dictionary<int, double> ProcessOrchestrations { get; } = [];

        public void Print()
        {
            List<double> sorted = [.. Latencies.Order()];
            double P(double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
            Console.WriteLine();
            Console.WriteLine($"{"measure",-52} {"Mage (Azurite)",15} {"DF published",13} {"DTS (~5x)",10} {"aim",8}");
            Row($"sequential activities/s (chain of {ChainLength}, in-process)", Sequential, "5", "~25", ">=100");
            Row($"fan-out/fan-in activities/s ({FanOutWidth}, in-process)", FanOutRate, "100", "~500", ">=500");
            Row("orchestrations/s, 1 activity each, in-process", InProcessOrchestrations, "-", "-", "-");
            foreach ((int processes, double rate) in ProcessOrchestrations.OrderBy(kv => kv.Key))
            {
                Row($"orchestrations/s, 1 activity each, {processes} worker process{(processes > 1 ? "es" : "")}", rate, "-", "-", "-");
            }

            Row($"one-activity orchestration latency p50 (ms, n={sorted.Count})", P(0.50), "-", "-", "<50");
            Row($"one-activity orchestration latency p99 (ms, n={sorted.Count})", P(0.99), "-", "-", "-");
            Row("one storage request on this Azurite, p50 (ms)", RoundTrip, "-", "-", "-");
            Console.WriteLine("DF published: Durable Functions on Azure Storage, one orchestration on one small (A1) VM, extended sessions;");
            Console.WriteLine("DTS: Durable Task Scheduler, about 5x the Azure Storage provider in Microsoft's work-item benchmark.");
        }

        private static void Row(string what, double value, string published, string dts, string aim) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-52} {value,15:N1} {published,13} {dts,10} {aim,8}"));
    }
}
