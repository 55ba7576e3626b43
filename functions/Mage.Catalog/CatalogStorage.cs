using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Mage.Storage;

namespace Mage.Catalog;

/// <summary>
/// The tables and the container of the catalog, created on first use. Thread-safe singleton.
/// </summary>
/// <remarks>
/// Creation runs once per process; a failed attempt (storage down) is retried by the next
/// caller instead of being remembered, so the app recovers when storage comes back.
/// </remarks>
public sealed class CatalogStorage : IStorageSetup
{
    private readonly OnceUntilSucceeded _created;

    /// <summary>Creates clients for the names in <paramref name="options"/>; sends no request.</summary>
    public CatalogStorage(StorageClients account, CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Services = account.GetTable(options.ServicesTable);
        ServiceKeys = account.GetTable(options.ServiceKeysTable);
        Variables = account.GetTable(options.VariablesTable);
        Objects = account.GetBlobContainer(options.ObjectsContainer);
        _created = OnceUntilSucceeded.Creating([Services, ServiceKeys, Variables], [Objects]);
    }

    /// <summary>The settings in effect.</summary>
    public CatalogOptions Options { get; }

    /// <summary>The services table.</summary>
    public TableClient Services { get; }

    /// <summary>The service-keys table.</summary>
    public TableClient ServiceKeys { get; }

    /// <summary>The variables table.</summary>
    public TableClient Variables { get; }

    /// <summary>The objects container.</summary>
    public BlobContainerClient Objects { get; }

    /// <summary>Completes when every table and the container exist.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _created.WaitAsync(cancellationToken);
}
