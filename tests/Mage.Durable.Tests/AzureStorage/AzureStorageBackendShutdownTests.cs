using Mage.Storage;
using System.Diagnostics;
using Mage.Durable.Backend.AzureStorage;
using Mage.Azurite;
using Mage.Testing;

namespace Mage.Durable.Tests.AzureStorage;

/// <summary>
/// Storage gone before the app stops: handing partitions and messages back is best effort and
/// must not hold the process (it used to take minutes of retries against a closed port).
/// </summary>
public sealed class AzureStorageBackendShutdownTests
{
    [Fact]
    public async Task DisposeAsync_StorageGone_ReturnsWithinItsDeadline()
    {
        var azurite = await AzuriteLauncher.StartAsync(AzuriteOptions.Ephemeral(RepositoryRoot.InfraLocal));
        var backend = new AzureStorageBackend(StorageAccount.Parse(azurite.ConnectionString), AzureStorageTestBackends.Options(TestNames.Unique("gone")));
        await backend.InitializeAsync(CancellationToken.None);
        Assert.NotEmpty(backend.OwnedPartitions);

        await azurite.DisposeAsync();
        var watch = Stopwatch.StartNew();
        await backend.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

        // Not a speed figure: a bound on a hang. The deadline plus slack for a loaded machine.
        Assert.True(watch.Elapsed < AzureStorageBackend.DisposeDeadline + TimeSpan.FromSeconds(10), $"dispose took {watch.Elapsed}");
    }
}
