namespace Mage.Manifests;

/// <summary>A scalar: YAML numbers, booleans and strings all keep their text, as djinn's decoder does for string fields.</summary>
public sealed class ManifestScalar : ManifestNode
{
    internal ManifestScalar(SourcePosition position, string value, bool isNull)
        : base(position)
    {
        Value = value;
        IsNull = isNull;
    }

    /// <summary>The text of the scalar (empty for null).</summary>
    public string Value { get; }

    /// <summary>True for a plain empty value, <c>~</c> or <c>null</c>: the key counts as absent.</summary>
    public bool IsNull { get; }

    /// <inheritdoc/>
    public override string KindName => "string";
}
