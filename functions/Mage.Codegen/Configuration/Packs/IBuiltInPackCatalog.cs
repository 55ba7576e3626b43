namespace Mage.Codegen.Configuration;

/// <summary>
/// The names of the built-in template packs, so that saving a configuration refuses an unknown
/// <c>pack</c> name at once (with a "did you mean"). Code generation registers one; when none is
/// registered, built-in names are not checked at save.
/// </summary>
/// <remarks>Implementations are singletons and thread-safe.</remarks>
public interface IBuiltInPackCatalog
{
    /// <summary>The built-in packs' names.</summary>
    IReadOnlyCollection<string> Names { get; }
}
