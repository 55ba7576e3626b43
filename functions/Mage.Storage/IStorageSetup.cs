namespace Mage.Storage;

/// <summary>
/// A store whose tables and containers must exist before it is used. <see cref="StorageInitializer"/>
/// creates every registered one at start-up, so no request pays for it, and opens
/// <see cref="StorageReadiness"/> once all exist.
/// </summary>
/// <remarks>Implementations are singletons; <see cref="EnsureCreatedAsync"/> is idempotent and thread-safe.</remarks>
public interface IStorageSetup
{
    /// <summary>Creates what is missing; completes when everything exists.</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);
}
