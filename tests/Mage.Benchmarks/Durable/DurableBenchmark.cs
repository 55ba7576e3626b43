using System.Diagnostics;
using System.Globalization;
using Mage.Builds;
using Mage.Functions.Hosting.Durable;
using Mage.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Benchmarks.Durable;

/// <summary>
/// The durable engine alone, as the app wires it (<c>AddDurableEngine</c>: TaskHubWorker over
/// AzureStorageOrchestrationService, the shims, the client adapter, the settings of
/// <see cref="DurableEngineOptions"/>), on a private Azurite, with <see cref="EchoActivity"/>
/// as the only work: a sequential chain and a fan-out/fan-in, in activities per second.
/// Aims (issue 14): 150 sequential and 500 fan-out activities/s.
/// </summary>
public static class DurableBenchmark
{
    private const int ChainLength = 100;
    private const int FanOutWidth = 500;
    private const int Rounds = 3;

    /// <summary>Section <c>durable</c>: the defaults of <see cref="DurableEngineOptions"/>.</summary>
    public static Task RunAsync() => RunVariantAsync("defaults", []);

    /// <summary>Section <c>durable-settings</c>: the same with one setting changed at a time, to see which matter.</summary>
    public static async Task RunSettingsAsync()
    {
        await RunVariantAsync("defaults", []);
        await RunVariantAsync("MaxQueuePollingInterval 10 ms", new() { ["Mage:Durable:MaxQueuePollingInterval"] = "00:00:00.010" });
        await RunVariantAsync("MaxQueuePollingInterval 1 s", new() { ["Mage:Durable:MaxQueuePollingInterval"] = "00:00:01" });
        await RunVariantAsync("ExtendedSessions off", new() { ["Mage:Durable:ExtendedSessions"] = "false" });
        await RunVariantAsync("PartitionCount 1", new() { ["Mage:Durable:PartitionCount"] = "1" });
        await RunVariantAsync("PartitionCount 16", new() { ["Mage:Durable:PartitionCount"] = "16" });
    }

    private static async Task RunVariantAsync(string label, Dictionary<string, string?> overrides)
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "durbench");
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new MageOptions { TaskHub = settings["Mage:TaskHub"]! });
        services.AddSingleton(new DurableEngineTasks([typeof(ChainOrchestrator), typeof(FanOutOrchestrator)], [typeof(EchoActivity)]));
        services.AddTransient<ChainOrchestrator>();
        services.AddTransient<FanOutOrchestrator>();
        services.AddTransient<EchoActivity>();
        services.AddDurableEngine(configuration);
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<DurableEngineOptions>();
        var engine = provider.GetRequiredService<DurableEngine>();
        var start = Stopwatch.StartNew();
        await engine.StartAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine [{label}]: partitions {options.PartitionCount}, max polling {options.MaxQueuePollingInterval.TotalMilliseconds} ms, extended sessions {options.ExtendedSessions}, " +
            $"concurrency {options.MaxConcurrentActivities} activities / {options.MaxConcurrentOrchestrations} orchestrations; CreateIfNotExists + start {start.ElapsedMilliseconds} ms"));
        try
        {
            var client = provider.GetRequiredService<DurableTaskClient>();
            await RunOnceAsync(client, nameof(ChainOrchestrator), 10); // warm-up: JIT, queues, leases
            await RunOnceAsync(client, nameof(FanOutOrchestrator), 50);
            await MeasureAsync(client, nameof(ChainOrchestrator), ChainLength, "sequential chain");
            await MeasureAsync(client, nameof(FanOutOrchestrator), FanOutWidth, "fan-out/fan-in");
        }
        catch (TimeoutException ex)
        {
            // A variant that stalls is a result too (extended sessions off did, once): print it and go on to the next.
            Console.WriteLine($"  stalled: {ex.Message}");
        }
        finally
        {
            var stop = Stopwatch.StartNew();
            await engine.StopAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  graceful stop {stop.ElapsedMilliseconds} ms"));
        }
    }

    private static async Task MeasureAsync(DurableTaskClient client, string orchestrator, int activities, string what)
    {
        var rates = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            rates.Add(activities / (await RunOnceAsync(client, orchestrator, activities)).TotalSeconds);
        }

        rates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what} of {activities} activities: median {rates[Rounds / 2],6:F0} activities/s (rounds: {string.Join(", ", rates.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))})"));
    }

    /// <summary>Schedule to completion seen by the client (polled every 10 ms); checks the result.</summary>
    private static async Task<TimeSpan> RunOnceAsync(DurableTaskClient client, string orchestrator, int activities)
    {
        var watch = Stopwatch.StartNew();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, activities);
        while (watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (await client.GetInstanceAsync(id, getInputsAndOutputs: true) is { IsCompleted: true } done)
            {
                var elapsed = watch.Elapsed;
                var expected = activities * (activities - 1) / 2;
                if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<int>() != expected)
                {
                    throw new InvalidOperationException($"{orchestrator} {id} ended {done.RuntimeStatus} with {done.SerializedOutput}, expected {expected}: {done.FailureDetails?.ErrorMessage}");
                }

                return elapsed;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{orchestrator} {id} did not complete within 5 minutes");
    }
}
