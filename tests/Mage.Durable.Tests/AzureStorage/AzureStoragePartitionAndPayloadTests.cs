using Mage.Durable.Backend;
using Mage.Durable.Backend.AzureStorage;
using Mage.Durable.Tests.Infrastructure;
using Mage.Durable.Tests.Orchestrations;
using Mage.Storage.Blobs;

namespace Mage.Durable.Tests.AzureStorage;

/// <summary>Azure-specific behaviour: partition leases between workers, chained delays, payload blobs and purge.</summary>
public sealed class AzureStoragePartitionAndPayloadTests
{
    [Fact]
    public async Task TwoWorkers_SplitPartitions_AndDisposingOneHandsItsPartitionsOver()
    {
        var account = await AzureStorageTestBackends.AccountAsync();
        string hub = AzureStorageTestBackends.NewHub();
        await using var a = new AzureStorageBackend(account, AzureStorageTestBackends.Options(hub, "worker-a"));
        await a.InitializeAsync(CancellationToken.None);
        Assert.Equal(4, a.OwnedPartitions.Count);

        var b = new AzureStorageBackend(account, AzureStorageTestBackends.Options(hub, "worker-b"));
        await b.InitializeAsync(CancellationToken.None);
        await WaitUntilAsync(() => a.OwnedPartitions.Count == 2 && b.OwnedPartitions.Count == 2);
        Assert.Empty(a.OwnedPartitions.Intersect(b.OwnedPartitions));

        await b.DisposeAsync();
        await WaitUntilAsync(() => a.OwnedPartitions.Count == 4);
    }

    [Fact]
    public async Task DelayBeyondMaxVisibility_IsChained_AndDeliveredOnceAtDueTime()
    {
        var account = await AzureStorageTestBackends.AccountAsync();
        AzureStorageBackendOptions options = AzureStorageTestBackends.Options(AzureStorageTestBackends.NewHub());
        await using var backend = new AzureStorageBackend(account, new AzureStorageBackendOptions
        {
            TaskHub = options.TaskHub,
            MaxVisibilityDelay = TimeSpan.FromSeconds(1),
            ReceiveIdleTimeout = TimeSpan.FromMilliseconds(500),
            MaxPollingInterval = TimeSpan.FromMilliseconds(100),
        });
        DateTimeOffset due = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3);
        await backend.SendControlMessageAsync("timer-instance", "fire", due, CancellationToken.None);

        ControlWorkItem? item = null;
        while (item is null)
        {
            item = await backend.ReceiveControlWorkItemAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
            Assert.True(DateTimeOffset.UtcNow < due + TimeSpan.FromSeconds(10));
        }

        Assert.True(DateTimeOffset.UtcNow >= due - TimeSpan.FromMilliseconds(50));
        Assert.Equal("fire", item.Messages.Single().Body);
        Assert.Equal(1, item.Messages.Single().DequeueCount);
    }

    [Fact]
    public async Task LargePayload_GoesThroughBlobs_AndPurgeRemovesThem()
    {
        var account = await AzureStorageTestBackends.AccountAsync();
        AzureStorageBackend? backend = null;
        await using var host = new DurableTestHost(clock => backend = new AzureStorageBackend(account, AzureStorageTestBackends.Options(AzureStorageTestBackends.NewHub()), clock));
        await host.StartWorkerAsync();
        string big = new('x', 1024 * 1024);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LargePayloadOrchestrator), big);
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);
        Assert.Equal(big + big, done.ReadOutputAs<string>());
        Assert.NotEmpty(await BlobsAsync(backend!.PayloadContainer, id));

        Assert.True(await backend.PurgeInstanceAsync(id, CancellationToken.None));
        Assert.Empty(await BlobsAsync(backend.PayloadContainer, id));
        Assert.Null(await backend.GetInstanceAsync(id, CancellationToken.None));
    }

    private static async Task<List<string>> BlobsAsync(BlobContainerClient container, string instanceId)
    {
        var names = new List<string>();
        await foreach (BlobItem item in container.GetBlobsAsync(instanceId + "/"))
        {
            names.Add(item.Name);
        }

        return names;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
