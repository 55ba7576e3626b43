using System.Globalization;
using Mage.Durable.Backend.AzureStorage;
using Mage.Durable.History;
using Mage.Durable.TestWorker.Activities;
using Mage.Durable.TestWorker.Orchestrations;
using Mage.Storage;
using Mage.Storage.Queues;
using Mage.Storage.Tables;

namespace Mage.Durable.Tests.MultiProcess;

/// <summary>
/// The test's side of a task hub shared with worker processes: a client-only backend (it owns no partitions),
/// waits over many instances, and the checks every multi-process test makes (outputs, executions, queues).
/// </summary>
public sealed class TaskHubClient : IAsyncDisposable
{
    private readonly StorageAccount _account;

    public TaskHubClient(StorageAccount account, string taskHub)
    {
        _account = account;
        TaskHub = taskHub;
        Backend = new AzureStorageBackend(account, new AzureStorageBackendOptions { TaskHub = taskHub, OwnsPartitions = false });
        Client = new BackendDurableTaskClient(Backend, TimeProvider.System);
    }

    public string TaskHub { get; }

    public AzureStorageBackend Backend { get; }

    public DurableTaskClient Client { get; }

    /// <summary>Polls until every instance is terminal; fails with the stragglers' statuses at the deadline.</summary>
    public async Task<Dictionary<string, OrchestrationMetadata>> WaitForAllAsync(IReadOnlyCollection<string> ids, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var done = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (string id in ids.Where(i => !done.ContainsKey(i)))
            {
                OrchestrationMetadata? meta = await Client.GetInstanceAsync(id, getInputsAndOutputs: true);
                if (meta is { IsCompleted: true })
                {
                    done[id] = meta;
                }
            }

            if (done.Count == ids.Count)
            {
                return done;
            }

            if (DateTime.UtcNow > deadline)
            {
                string waiting = string.Join(", ", ids.Where(i => !done.ContainsKey(i)).Take(10));
                Assert.Fail($"{ids.Count - done.Count} of {ids.Count} instances did not finish within {timeout.TotalSeconds:0} s (e.g. {waiting}).\n{diagnostics?.Invoke()}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>
    /// The exactly-once proof for a <see cref="ChaosOrchestrator"/> run: it completed with the expected event; its
    /// output holds each call key exactly once with the right value; each receipt names a recorded execution; and its
    /// history applied exactly one result per scheduled call. Returns how many executions were recorded (at least
    /// one per call; more when a crash made an activity run again).
    /// </summary>
    public async Task<int> AssertChaosOutcomeAsync(OrchestrationMetadata meta, ChaosInput input, string expectedEvent)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(input);
        string id = meta.InstanceId;
        Assert.True(meta.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id}: {meta.RuntimeStatus} {meta.FailureDetails}");
        ChaosOutput output = meta.ReadOutputAs<ChaosOutput>()!;
        Assert.Equal(expectedEvent, output.Event);

        var expected = Enumerable.Range(0, input.FanOut).Select(i => ($"f{i}", (long)(i + 1) * (i + 1)))
            .Concat(Enumerable.Range(0, input.Sequential).Select(i => ($"s{i}", (long)(100 + i) * (100 + i))))
            .ToList();
        Assert.Equal(expected, output.Receipts.Select(r => (r.Key, r.Value)).ToList());

        var recorded = new HashSet<string>(StringComparer.Ordinal);
        await foreach (TableEntity row in _account.GetTable(ExecutionLog.TableNameFor(TaskHub)).QueryPartitionAsync(id))
        {
            recorded.Add(row.RowKey);
        }

        foreach (ActivityReceipt receipt in output.Receipts)
        {
            Assert.Contains(receipt.Key + "-" + receipt.ExecutionId, recorded);
        }

        IReadOnlyList<HistoryEvent> history = (await Backend.LoadInstanceAsync(id, CancellationToken.None))!.History;
        var scheduled = history.OfType<TaskScheduledEvent>().Select(e => e.EventId).ToList();
        var applied = history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).ToList();
        Assert.Equal(expected.Count, scheduled.Count);
        Assert.Equal(scheduled.Order(), applied.Order());
        return recorded.Count;
    }

    /// <summary>Waits until every queue of the hub (control, work items, the given workers' queues) holds no message, visible or not.</summary>
    public async Task AssertQueuesDrainAsync(IEnumerable<string> workerQueues, TimeSpan timeout)
    {
        string hub = TaskHub.ToLowerInvariant();
        var queues = Enumerable.Range(0, Backend.Options.PartitionCount)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{hub}-control-{p:D2}"))
            .Append(hub + "-workitems")
            .Concat(workerQueues.Select(q => hub + "-" + q))
            .Select(_account.GetQueue)
            .ToList();
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var counts = new List<(string Queue, int Count)>();
            foreach (QueueClient queue in queues)
            {
                counts.Add((queue.Name, await CountAsync(queue)));
            }

            if (counts.All(c => c.Count == 0))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Messages left after completion: " + string.Join(", ", counts.Where(c => c.Count > 0).Select(c => $"{c.Queue}={c.Count}")));
            }

            await Task.Delay(1000);
        }
    }

    public ValueTask DisposeAsync() => Backend.DisposeAsync();

    private static async Task<int> CountAsync(QueueClient queue)
    {
        try
        {
            return await queue.GetApproximateMessageCountAsync();
        }
        catch (StorageNotFoundException)
        {
            return 0; // An affinity queue is created on first send; never created means never used.
        }
    }
}
