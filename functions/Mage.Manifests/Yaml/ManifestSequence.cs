namespace Mage.Manifests;

/// <summary>A YAML list.</summary>
public sealed class ManifestSequence : ManifestNode
{
    internal ManifestSequence(SourcePosition position, IReadOnlyList<ManifestNode> items)
        : base(position)
    {
        Items = items;
        Weight = 1 + items.Sum(i => i.Weight);
    }

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<ManifestNode> Items { get; }

    /// <inheritdoc/>
    public override string KindName => "list";
}
