namespace Mage.CodeHosts;

/// <summary>The code hosts of this deployment, by provider name. Thread-safe after construction.</summary>
public sealed class CodeHostRegistry(IEnumerable<ICodeHost> hosts)
{
    private readonly Dictionary<string, ICodeHost> _byProvider = hosts.ToDictionary(h => h.Provider, StringComparer.OrdinalIgnoreCase);

    /// <summary>The host for <paramref name="provider"/>.</summary>
    /// <exception cref="CodeHostException">No host serves that provider.</exception>
    public ICodeHost Get(string provider) => _byProvider.TryGetValue(provider, out var host)
        ? host
        : throw new CodeHostException($"repository provider '{provider}' is not supported; use one of: {string.Join(", ", _byProvider.Keys.Order(StringComparer.Ordinal))}");
}
