namespace Mage.Manifests;

/// <summary>A 1-based line and column in the manifest text.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The start of the document, used when nothing more precise is known.</summary>
    public static SourcePosition Start { get; } = new(1, 1);
}
