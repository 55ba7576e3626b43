namespace Mage.Functions.Security;

/// <summary>Finds the service a per-service key belongs to. Implementations compare hashes in constant time and are thread-safe.</summary>
public interface IServiceKeyStore
{
    /// <summary>The service name, or null when the key belongs to no service.</summary>
    Task<string?> FindServiceAsync(string presentedKey, CancellationToken cancellationToken);
}
