namespace Mage.Catalog;

/// <summary>What the build runner needs from a service's variables. Implementations are thread-safe.</summary>
public interface IVariableStore
{
    /// <summary>
    /// Every variable of <paramref name="service"/> with real (decrypted) values, ordered by key;
    /// empty when the service has none.
    /// </summary>
    /// <exception cref="Mage.Catalog.Secrets.SecretUnprotectException">A masked value cannot be decrypted (wrong key or tampering).</exception>
    Task<IReadOnlyList<BuildVariable>> GetForBuildAsync(string service, CancellationToken cancellationToken);
}
