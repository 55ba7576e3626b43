namespace Mage.Manifests;

/// <summary>A 1-based line and column in the manifest text.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The start of the document, used when nothing more precise is known.</summary>
    public static SourcePosition Start { get; } = new(1, 1);

    /// <summary>
    /// The position of the node at <paramref name="path"/> (e.g. <c>jobs[2].stage</c>) in a
    /// document's path → position table; for a path that is not in the document, the position of
    /// its nearest ancestor that is.
    /// </summary>
    public static SourcePosition Nearest(IReadOnlyDictionary<string, SourcePosition> positions, string path)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(path);
        var current = path;
        while (current.Length > 0)
        {
            if (positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut <= 0 ? string.Empty : current[..cut];
        }

        return positions.TryGetValue(string.Empty, out var root) ? root : Start;
    }
}
