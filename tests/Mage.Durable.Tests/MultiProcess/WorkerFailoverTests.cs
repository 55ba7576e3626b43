using System.Globalization;
using Mage.Durable.History;
using Mage.Durable.TestWorker.Activities;
using Mage.Durable.TestWorker;
using Mage.Durable.TestWorker.Orchestrations;
using Mage.Storage.Tables;
using Mage.Testing;

namespace Mage.Durable.Tests.MultiProcess;

/// <summary>What happens to a dead worker's share: its partitions after their leases expire, its pinned activities never.</summary>
public sealed class WorkerFailoverTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KilledWorker_StopsRenewingLeases_AnotherWorkerTakesOverAndFinishesItsOrchestrations()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        string hub = TestNames.Unique("lease");
        await using var hubClient = new TaskHubClient(azurite.Account, hub);
        await using var first = new TestWorkerProcess(azurite.ConnectionString, hub, "first");
        await using var second = new TestWorkerProcess(azurite.ConnectionString, hub, "second");

        // Alone, the first worker holds every partition; the instances stop at their event, mid-flight.
        await first.StartAsync(Ready);
        var input = new ChaosInput(FanOut: 2, Sequential: 2, TimerSeconds: 1);
        string[] ids = [.. Enumerable.Range(0, 8).Select(i => string.Create(CultureInfo.InvariantCulture, $"lease-{i}"))];
        foreach (string id in ids)
        {
            await hubClient.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChaosOrchestrator), input, new StartOrchestrationOptions(id));
        }

        foreach (string id in ids)
        {
            await WaitForHistoryAsync(hubClient, id, h => h.OfType<TimerFiredEvent>().Any());
        }

        await first.KillAsync();
        await second.StartAsync(Ready);
        foreach (string id in ids)
        {
            await hubClient.Client.RaiseEventAsync(id, ChaosOrchestrator.GoEvent, "go");
        }

        Dictionary<string, OrchestrationMetadata> done = await hubClient.WaitForAllAsync(ids, TimeSpan.FromSeconds(90), () => first.Tail + "\n" + second.Tail);
        foreach (OrchestrationMetadata meta in done.Values)
        {
            await hubClient.AssertChaosOutcomeAsync(meta, input, "go");
        }

        // The steps after the event can only have run on the survivor, which needed the dead worker's partitions.
        var sequentialWorkers = new HashSet<string>(StringComparer.Ordinal);
        await foreach (TableEntity row in azurite.Account.GetTable(ExecutionLog.TableNameFor(hub)).QueryAsync("Key eq 's0'"))
        {
            sequentialWorkers.Add(row.GetString("Worker") ?? "");
        }

        Assert.Equal(["second"], sequentialWorkers);
        Assert.Equal(1, first.Starts);
    }

    [Fact]
    public async Task PinnedActivity_RunsOnlyOnItsWorker_AndWhenThatWorkerIsKilledTheBoundingTimerFires()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        string hub = TestNames.Unique("pin");
        await using var hubClient = new TaskHubClient(azurite.Account, hub);
        TestWorkerProcess[] workers = [new(azurite.ConnectionString, hub, "alpha"), new(azurite.ConnectionString, hub, "beta")];
        try
        {
            await Task.WhenAll(workers.Select(w => w.StartAsync(Ready)));

            // Both workers alive: every pinned call runs on the worker whose queue it names.
            string[] kept = [.. Enumerable.Range(0, 6).Select(i => string.Create(CultureInfo.InvariantCulture, $"kept-{i}"))];
            foreach (string id in kept)
            {
                await hubClient.Client.ScheduleNewOrchestrationInstanceAsync(nameof(PinnedOrchestrator), 60, new StartOrchestrationOptions(id));
            }

            var pinnedTo = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string id in kept)
            {
                pinnedTo[id] = await WaitForPinnedQueueAsync(hubClient, id);
                await hubClient.Client.RaiseEventAsync(id, PinnedOrchestrator.ProceedEvent, "");
            }

            foreach ((string id, OrchestrationMetadata meta) in await hubClient.WaitForAllAsync(kept, TimeSpan.FromSeconds(60)))
            {
                Assert.Equal("ran:" + pinnedTo[id], meta.ReadOutputAs<string>());
            }

            // The pinned worker dies before the call goes out: nobody else may run it, so the timer decides.
            const string lostId = "lost-0";
            await hubClient.Client.ScheduleNewOrchestrationInstanceAsync(nameof(PinnedOrchestrator), 3, new StartOrchestrationOptions(lostId));
            string queue = await WaitForPinnedQueueAsync(hubClient, lostId);
            TestWorkerProcess owner = workers.Single(w => w.QueueName == queue);
            await owner.KillAsync();
            await hubClient.Client.RaiseEventAsync(lostId, PinnedOrchestrator.ProceedEvent, "");

            OrchestrationMetadata lost = (await hubClient.WaitForAllAsync([lostId], TimeSpan.FromSeconds(90), () => string.Join('\n', workers.Select(w => w.Tail))))[lostId];
            Assert.Equal("lost:" + queue, lost.ReadOutputAs<string>());
            Assert.Equal(1, await azurite.Account.GetQueue(hub.ToLowerInvariant() + "-" + queue).GetApproximateMessageCountAsync());
        }
        finally
        {
            foreach (TestWorkerProcess w in workers)
            {
                await w.DisposeAsync();
            }
        }
    }

    private static async Task<string> WaitForPinnedQueueAsync(TaskHubClient hubClient, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            OrchestrationMetadata? meta = await hubClient.Client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
            if (meta?.ReadCustomStatusAs<string>() is { Length: > 0 } queue)
            {
                return queue;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static async Task WaitForHistoryAsync(TaskHubClient hubClient, string id, Func<IReadOnlyList<HistoryEvent>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition((await hubClient.Backend.LoadInstanceAsync(id, timeout.Token))?.History ?? []))
        {
            await Task.Delay(200, timeout.Token);
        }
    }
}
