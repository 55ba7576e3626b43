using System.Security.Cryptography;
using Mage.Catalog;
using Mage.Catalog.Secrets;
using Mage.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Testing;

/// <summary>Catalog stores on the test run's Azurite with a task hub of their own.</summary>
public sealed class CatalogTestStorage
{
    private CatalogTestStorage(Mage.Storage.StorageClients account, CatalogStorage storage, SecretProtector protector)
    {
        Account = account;
        Storage = storage;
        Protector = protector;
        Services = new ServiceCatalog(storage, protector, NullLogger<ServiceCatalog>.Instance);
        Keys = new ServiceKeyStore(storage, NullLogger<ServiceKeyStore>.Instance);
        Variables = new VariableStore(storage, protector, NullLogger<VariableStore>.Instance);
        Objects = new ObjectStore(storage, NullLogger<ObjectStore>.Instance);
    }

    public Mage.Storage.StorageClients Account { get; }

    public CatalogStorage Storage { get; }

    public SecretProtector Protector { get; }

    public ServiceCatalog Services { get; }

    public ServiceKeyStore Keys { get; }

    public VariableStore Variables { get; }

    public ObjectStore Objects { get; }

    public static async Task<CatalogTestStorage> CreateAsync(long objectsMaxBytes = CatalogOptions.DefaultObjectsMaxBytes)
    {
        var azurite = await TestAzurite.GetAsync();
        var options = new CatalogOptions { TaskHub = TestNames.Unique("cat"), ObjectsMaxBytes = objectsMaxBytes };
        return new CatalogTestStorage(azurite.Clients(), new CatalogStorage(azurite.Clients(), options), new SecretProtector(RandomNumberGenerator.GetBytes(32)));
    }

    /// <summary>A second set of stores on the same tables, as another app instance would have.</summary>
    public CatalogTestStorage OtherInstance() => new(Account, new CatalogStorage(Account, Storage.Options), Protector);
}
