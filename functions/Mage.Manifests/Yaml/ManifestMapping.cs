namespace Mage.Manifests;

/// <summary>A YAML mapping; entries keep document order, and <c>&lt;&lt;</c> merge keys are already applied.</summary>
public sealed class ManifestMapping : ManifestNode
{
    internal ManifestMapping(SourcePosition position, IReadOnlyList<KeyValuePair<ManifestNode, ManifestNode>> entries)
        : base(position)
    {
        Entries = entries;
        Weight = 1 + entries.Sum(e => e.Key.Weight + e.Value.Weight);
    }

    /// <summary>The entries, in document order (merged entries after the explicit ones).</summary>
    public IReadOnlyList<KeyValuePair<ManifestNode, ManifestNode>> Entries { get; }

    /// <inheritdoc/>
    public override string KindName => "mapping";
}
