using Azure.Data.Tables;
using Mage.Storage;
using Mage.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mage.Storage.Tests;

/// <summary>One start-up path creates every store's tables: stores registered with AddStorageSetup, by any project.</summary>
public sealed class StorageInitializerTests
{
    [Fact]
    public async Task AddStorageSetup_TwoStoresAndHostStarted_CreatesBothThenOpensReadiness()
    {
        var clients = (await TestAzurite.GetAsync()).Clients();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(clients);
        services.AddSingleton(new TableNames(TestNames.Unique("inita"), TestNames.Unique("initb")));
        services.AddStorageSetup<FirstStore>();
        services.AddStorageSetup<SecondStore>();
        await using var provider = services.BuildServiceProvider();

        // Registered twice (once per store), the initializer must still run once.
        var hosted = provider.GetServices<IHostedService>().ToList();
        Assert.Single(hosted);
        await hosted[0].StartAsync(CancellationToken.None);
        var ready = await provider.GetRequiredService<StorageReadiness>().WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await hosted[0].StopAsync(CancellationToken.None);

        Assert.True(ready);
        var names = provider.GetRequiredService<TableNames>();
        Assert.True(await ExistsAsync(clients, names.First));
        Assert.True(await ExistsAsync(clients, names.Second));
    }

    [Fact]
    public async Task StorageReadiness_NothingCreated_WaitEndsFalseAtTheTimeout()
    {
        var readiness = new StorageReadiness();

        Assert.False(await readiness.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
    }

    private static async Task<bool> ExistsAsync(StorageClients clients, string table)
    {
        await foreach (var item in clients.Tables.QueryAsync(t => t.Name == table))
        {
            return item.Name == table;
        }

        return false;
    }

    private sealed record TableNames(string First, string Second);

    private sealed class FirstStore(StorageClients clients, TableNames names) : IStorageSetup
    {
        private readonly TableClient _table = clients.GetTable(names.First);

        public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);
    }

    private sealed class SecondStore(StorageClients clients, TableNames names) : IStorageSetup
    {
        private readonly TableClient _table = clients.GetTable(names.Second);

        public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);
    }
}
