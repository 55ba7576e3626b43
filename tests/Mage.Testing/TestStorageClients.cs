using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Mage.Builds.Records;
using Mage.Storage;
using Mage.Testing;

namespace Mage.Testing;

/// <summary>The Azure SDK clients for the test run's Azurite, one set per emulator.</summary>
public static class TestStorageClients
{
    private static readonly ConcurrentDictionary<string, StorageClients> Cache = new(StringComparer.Ordinal);

    /// <summary>The shared clients of <paramref name="azurite"/>.</summary>
    public static StorageClients Clients(this TestAzurite azurite) =>
        Cache.GetOrAdd(azurite.ConnectionString, StorageClients.FromConnectionString(azurite.ConnectionString));

    /// <summary>
    /// A store built by <paramref name="create"/> on a task hub of its own (unique prefix from
    /// <paramref name="prefix"/>), with its tables and containers created by <paramref name="ensureCreated"/>.
    /// </summary>
    public static async Task<T> NewStoreAsync<T>(string prefix, Func<StorageClients, BuildStorageNames, T> create, Func<T, CancellationToken, Task> ensureCreated)
    {
        var store = create((await TestAzurite.GetAsync()).Clients(), new BuildStorageNames(TestNames.Unique(prefix)));
        await ensureCreated(store, CancellationToken.None);
        return store;
    }

    /// <summary>A <see cref="BuildStore"/> on a task hub of its own, on the system clock.</summary>
    public static Task<BuildStore> NewBuildStoreAsync(string prefix) =>
        NewStoreAsync(prefix, (clients, names) => new BuildStore(clients, names, TimeProvider.System), (store, ct) => store.EnsureCreatedAsync(ct));

    /// <summary>A new, empty blob container with a unique name on the test run's Azurite.</summary>
    public static async Task<BlobContainerClient> NewContainerAsync(string prefix)
    {
        var container = (await TestAzurite.GetAsync()).Clients().GetBlobContainer(TestNames.Unique(prefix));
        await container.CreateIfNotExistsAsync();
        return container;
    }
}
