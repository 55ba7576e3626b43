namespace Mage.Manifests;

/// <summary>
/// A node of the YAML document with its position. Aliases share the anchored node (they are
/// never copied), so a hostile document cannot blow up memory; <see cref="ManifestLimits.MaxAliasExpansion"/>
/// bounds how much walking the shared nodes can cost.
/// </summary>
public abstract class ManifestNode
{
    private protected ManifestNode(SourcePosition position) => Position = position;

    /// <summary>Where the node starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>The node's size once aliases are expanded (itself plus everything under it).</summary>
    internal long Weight { get; private protected set; } = 1;

    /// <summary>"string", "list" or "mapping", for messages.</summary>
    public abstract string KindName { get; }
}
