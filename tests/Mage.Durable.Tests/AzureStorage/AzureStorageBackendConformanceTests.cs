using Mage.Durable.Backend;
using Mage.Durable.Backend.AzureStorage;
using Mage.Durable.Tests.Conformance;
using Mage.Storage;

namespace Mage.Durable.Tests.AzureStorage;

/// <summary>
/// The whole conformance suite, unchanged, against <see cref="AzureStorageBackend"/> on Azurite (one task hub per
/// test). The suite's manual clock drives due times and leases: the backend measures them with the injected
/// TimeProvider and reveals or releases queue messages when that clock reaches them.
/// </summary>
public sealed class AzureStorageBackendConformanceTests : OrchestrationBackendConformanceTests, IAsyncLifetime
{
    private StorageAccount? _account;

    public async Task InitializeAsync() => _account = await AzureStorageTestBackends.AccountAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    // Real queues and leases on a shared 2-core machine: a disposed worker's message comes back
    // only when its visibility lease ends, which under load can take longer than the in-memory 30 s.
    protected override TimeSpan WaitTimeout => TimeSpan.FromSeconds(90);

    protected override IOrchestrationBackend CreateBackend(TimeProvider clock) =>
        new AzureStorageBackend(_account!, AzureStorageTestBackends.Options(AzureStorageTestBackends.NewHub()), clock);

    protected override bool TryInjectDuplicates(IOrchestrationBackend backend, Func<string, bool> when)
    {
        ((AzureStorageBackend)backend).Options.DuplicateWhen = when;
        return true;
    }
}
