using Mage.Catalog;
using Mage.Functions.Security;

namespace Mage.Functions.Endpoints.Catalog;

/// <summary>Lets the authentication handler find a service key's service in <see cref="ServiceKeyStore"/>. Thread-safe.</summary>
public sealed class ServiceKeyStoreAdapter(ServiceKeyStore store) : IServiceKeyStore
{
    /// <inheritdoc />
    public Task<string?> FindServiceAsync(string presentedKey, CancellationToken cancellationToken) =>
        store.FindServiceAsync(presentedKey, cancellationToken);
}
