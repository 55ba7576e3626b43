using System.Diagnostics;
using System.Globalization;
using Mage.Durable.TestWorker;
using Mage.Durable.TestWorker.Orchestrations;
using Mage.Testing;
using Xunit.Abstractions;

namespace Mage.Durable.Tests.MultiProcess;

/// <summary>
/// Crash recovery across processes: three worker processes share one task hub on Azurite while the test kills a
/// random one with SIGKILL every few seconds and starts it again under the same id. Nothing a killed worker held
/// is released; partitions, control messages and activities come back only through lease expiry.
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    private const int Instances = 100;
    private static readonly TimeSpan ChaosPhase = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HundredOrchestrations_WorkersKilledAndRestarted_EachCompletesOnceAndQueuesDrain()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        string hub = TestNames.Unique("chaos");
        await using var hubClient = new TaskHubClient(azurite.Account, hub);
        TestWorkerProcess[] workers = [.. Enumerable.Range(0, 3).Select(i => new TestWorkerProcess(azurite.ConnectionString, hub, $"w{i}"))];
        try
        {
            await Task.WhenAll(workers.Select(w => w.StartAsync(TimeSpan.FromSeconds(60))));

            var inputs = new Dictionary<string, ChaosInput>(StringComparer.Ordinal);
            for (int i = 0; i < Instances; i++)
            {
                inputs[string.Create(CultureInfo.InvariantCulture, $"chaos-{i:D3}")] = new ChaosInput(FanOut: 4, Sequential: 3, TimerSeconds: 1 + (i % 8));
            }

            // Starts and events are spread over the first ~25 s, so kills land on work in every stage.
            var finished = new HashSet<string>(StringComparer.Ordinal);
            Task feed = FeedAsync(hubClient.Client, inputs);
            Task track = TrackAsync(hubClient.Client, inputs.Keys, finished, feed);
            int kills = await KillAndRestartAsync(workers, ChaosPhase, () => track.IsCompleted);
            await feed;
            foreach (TestWorkerProcess w in workers.Where(w => !w.IsRunning))
            {
                await w.StartAsync(TimeSpan.FromSeconds(60));
            }

            var clock = Stopwatch.StartNew();
            Dictionary<string, OrchestrationMetadata> done = await hubClient.WaitForAllAsync(
                [.. inputs.Keys], TimeSpan.FromMinutes(3), () => string.Join('\n', workers.Select(w => w.Tail)));
            output.WriteLine($"{kills} kills while work was unfinished; the rest finished {clock.Elapsed.TotalSeconds:0} s after the chaos phase");

            int executions = 0;
            foreach ((string id, OrchestrationMetadata meta) in done)
            {
                executions += await hubClient.AssertChaosOutcomeAsync(meta, inputs[id], "go-" + id);
            }

            int calls = inputs.Values.Sum(i => i.FanOut + i.Sequential);
            output.WriteLine($"{executions} activity executions for {calls} calls (re-runs after crashes: {executions - calls})");
            Assert.True(kills >= 4, $"only {kills} kills happened before the work was done; the test proved little");
            await hubClient.AssertQueuesDrainAsync(workers.Select(w => w.QueueName), TimeSpan.FromSeconds(60));
        }
        finally
        {
            foreach (TestWorkerProcess w in workers)
            {
                await w.DisposeAsync();
            }
        }
    }

    private static async Task FeedAsync(DurableTaskClient client, Dictionary<string, ChaosInput> inputs)
    {
        var raised = new List<Task>();
        foreach ((string id, ChaosInput input) in inputs)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ChaosOrchestrator), input, new StartOrchestrationOptions(id));
            raised.Add(RaiseLaterAsync(client, id, TimeSpan.FromSeconds(input.TimerSeconds)));
            await Task.Delay(200);
        }

        await Task.WhenAll(raised);
    }

    private static async Task RaiseLaterAsync(DurableTaskClient client, string id, TimeSpan delay)
    {
        await Task.Delay(delay);
        await client.RaiseEventAsync(id, ChaosOrchestrator.GoEvent, "go-" + id);
    }

    /// <summary>Completes once every instance is terminal (polled every second after the feed started them all).</summary>
    private static async Task TrackAsync(DurableTaskClient client, IEnumerable<string> ids, HashSet<string> finished, Task feed)
    {
        await feed;
        var pending = ids.ToList();
        while (pending.Count > 0)
        {
            foreach (string id in pending.ToList())
            {
                if (await client.GetInstanceAsync(id) is { IsCompleted: true })
                {
                    finished.Add(id);
                    pending.Remove(id);
                }
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>
    /// Every 1.5-4 s kills a random worker (SIGKILL) and restarts it 0.5-2 s later, until <paramref name="allDone"/>
    /// or <paramref name="limit"/>. Returns how many kills happened while work was unfinished.
    /// </summary>
    private static async Task<int> KillAndRestartAsync(TestWorkerProcess[] workers, TimeSpan limit, Func<bool> allDone)
    {
        var random = new Random(5);
        var clock = Stopwatch.StartNew();
        int kills = 0;
        while (clock.Elapsed < limit && !allDone())
        {
            await Task.Delay(random.Next(1500, 4000));
            if (allDone())
            {
                break;
            }

            TestWorkerProcess victim = workers[random.Next(workers.Length)];
            await victim.KillAsync();
            kills++;
            await Task.Delay(random.Next(500, 2000));
            await victim.StartAsync(TimeSpan.FromSeconds(60));
        }

        return kills;
    }
}
