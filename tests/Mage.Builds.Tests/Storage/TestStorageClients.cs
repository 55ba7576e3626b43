using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Mage.Builds.Storage;
using Mage.Testing;

namespace Mage.Builds.Tests.Storage;

/// <summary>The Azure SDK clients for the test run's Azurite, one set per emulator.</summary>
internal static class TestStorageClients
{
    private static readonly ConcurrentDictionary<string, StorageClients> Cache = new(StringComparer.Ordinal);

    /// <summary>The shared clients of <paramref name="azurite"/>.</summary>
    public static StorageClients Clients(this TestAzurite azurite) =>
        Cache.GetOrAdd(azurite.ConnectionString, StorageClients.FromConnectionString(azurite.ConnectionString));

    /// <summary>A new, empty blob container with a unique name on the test run's Azurite.</summary>
    public static async Task<BlobContainerClient> NewContainerAsync(string prefix)
    {
        var container = (await TestAzurite.GetAsync()).Clients().GetBlobContainer(TestNames.Unique(prefix));
        await container.CreateIfNotExistsAsync();
        return container;
    }
}
