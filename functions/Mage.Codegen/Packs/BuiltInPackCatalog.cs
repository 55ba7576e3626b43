using Mage.Codegen.Configuration;

namespace Mage.Codegen.Packs;

/// <summary>Tells the configuration validator which built-in packs exist. Thread-safe.</summary>
public sealed class BuiltInPackCatalog(BuiltInPacks packs) : IBuiltInPackCatalog
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Names => [.. packs.Names()];
}
