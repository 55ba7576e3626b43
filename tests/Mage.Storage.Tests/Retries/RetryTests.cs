using Mage.Azurite;
using Mage.Storage.Blobs;
using Mage.Storage.Queues;
using Mage.Testing;

namespace Mage.Storage.Tests.Retries;

public sealed class RetryTests
{
    private static StorageClientOptions FastRetries(int maxRetries = 4)
    {
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(20);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(1);
        return options;
    }

    private static StorageAccount ThroughProxy(TestAzurite azurite, LoopbackProxy blob, LoopbackProxy queue, StorageClientOptions options) =>
        StorageAccount.Parse(AzuriteLauncher.BuildConnectionString("127.0.0.1", blob.Port, queue.Port, azurite.Launcher.TablePort), options);

    [Fact]
    public async Task Upload_FirstConnectionsDropped_RetriesAndSucceeds()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        BlobContainerClient direct = azurite.Account.GetBlobContainer(TestNames.Unique("retry"));
        await direct.CreateIfNotExistsAsync();
        await using var blobProxy = new LoopbackProxy(azurite.Launcher.BlobPort, dropFirst: 2);
        await using var queueProxy = new LoopbackProxy(azurite.Launcher.QueuePort);
        StorageAccount account = ThroughProxy(azurite, blobProxy, queueProxy, FastRetries());

        BlobClient blob = account.GetBlobContainer(direct.Name).GetBlob("r.txt");
        await blob.UploadAsync(BinaryData.FromString("survived"));
        Assert.True(blobProxy.Connections >= 3);
        Assert.Equal("survived", (await direct.GetBlob("r.txt").DownloadAsync()).ToString());
    }

    [Fact]
    public async Task Receive_FirstConnectionStalledBeyondNetworkTimeout_RetriesAndSucceeds()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        QueueClient direct = azurite.Account.GetQueue(TestNames.Unique("stall"));
        await direct.CreateIfNotExistsAsync();
        await direct.SendMessageAsync("hello");
        await using var blobProxy = new LoopbackProxy(azurite.Launcher.BlobPort);
        await using var queueProxy = new LoopbackProxy(azurite.Launcher.QueuePort, stallFirst: 1);
        StorageAccount account = ThroughProxy(azurite, blobProxy, queueProxy, FastRetries());

        var clock = System.Diagnostics.Stopwatch.StartNew();
        QueueMessage m = Assert.Single(await account.GetQueue(direct.Name).ReceiveMessagesAsync());
        Assert.Equal("hello", m.Text);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), "the stalled try should have waited for the per-try timeout");
    }

    [Fact]
    public async Task Get_NotFoundThroughFlakyProxy_SurfacesTypedWithoutRetrying()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        BlobContainerClient direct = azurite.Account.GetBlobContainer(TestNames.Unique("nf"));
        await direct.CreateIfNotExistsAsync();
        await using var blobProxy = new LoopbackProxy(azurite.Launcher.BlobPort, dropFirst: 1);
        await using var queueProxy = new LoopbackProxy(azurite.Launcher.QueuePort);
        StorageAccount account = ThroughProxy(azurite, blobProxy, queueProxy, FastRetries());

        await Assert.ThrowsAsync<StorageNotFoundException>(() => account.GetBlobContainer(direct.Name).GetBlob("missing").DownloadAsync());
        Assert.Equal(2, blobProxy.Connections);
    }

    [Fact]
    public async Task Upload_EveryConnectionDropped_ThrowsUnreachableAfterRetries()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        await using var blobProxy = new LoopbackProxy(azurite.Launcher.BlobPort, dropFirst: int.MaxValue);
        await using var queueProxy = new LoopbackProxy(azurite.Launcher.QueuePort);
        StorageAccount account = ThroughProxy(azurite, blobProxy, queueProxy, FastRetries(maxRetries: 2));

        StorageException e = await Assert.ThrowsAsync<StorageException>(() => account.GetBlobContainer("anything").GetBlob("x").UploadAsync(BinaryData.FromString("x")));
        Assert.Equal(StorageErrorKind.Unreachable, e.Kind);
        Assert.Equal(3, blobProxy.Connections);
        Assert.DoesNotContain(StorageAccount.DevelopmentAccountKey, e.ToString(), StringComparison.Ordinal);
    }
}
