using Mage.Durable.Backend.AzureStorage;
using Mage.Storage;
using Mage.Testing;

namespace Mage.Durable.Tests.AzureStorage;

/// <summary>Backends on the shared test Azurite with test-friendly timings: short idle waits and fast polling.</summary>
internal static class AzureStorageTestBackends
{
    public static async Task<StorageAccount> AccountAsync() => (await TestAzurite.GetAsync()).Account;

    public static AzureStorageBackendOptions Options(string taskHub, string? workerId = null) => new()
    {
        TaskHub = taskHub,
        WorkerId = workerId ?? "w" + Guid.NewGuid().ToString("N")[..8],
        ReceiveIdleTimeout = TimeSpan.FromMilliseconds(400),
        MaxPollingInterval = TimeSpan.FromMilliseconds(200),
        MaxVisibilityDelay = TimeSpan.FromSeconds(2),
        LeaseDuration = TimeSpan.FromSeconds(15),
        LeaseRenewInterval = TimeSpan.FromSeconds(4),
        LeaseAcquireInterval = TimeSpan.FromMilliseconds(500),
    };

    public static string NewHub() => TestNames.Unique("dt");
}
