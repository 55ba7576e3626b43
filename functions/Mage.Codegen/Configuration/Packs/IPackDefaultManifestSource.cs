namespace Mage.Codegen.Configuration;

/// <summary>
/// Supplies the manifest a template pack runs when a Mage build has no manifest of its own and
/// its service has no <c>defaultManifest</c> (the manifest that builds and tests the generated code).
/// Code generation registers one; several may be registered, and the first non-null answer wins.
/// </summary>
/// <remarks>Implementations are singletons, thread-safe, and may read storage or git (they run at submit time).</remarks>
public interface IPackDefaultManifestSource
{
    /// <summary>The pack's default manifest (YAML), or null when this source does not know the pack or the pack has none.</summary>
    Task<string?> GetDefaultManifestAsync(string service, ServiceConfiguration configuration, CancellationToken cancellationToken);
}
