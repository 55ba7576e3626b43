namespace Mage.Manifests;

/// <summary>What <see cref="ManifestParser.Parse"/> read: the YAML tree with positions, the manifest model, and problems found while reading.</summary>
public sealed class ParseResult
{
    private readonly IReadOnlyDictionary<string, SourcePosition> _positions;

    internal ParseResult(
        ManifestNode? document,
        Manifest? manifest,
        IReadOnlyList<ManifestDiagnostic> diagnostics,
        IReadOnlyDictionary<string, SourcePosition> positions,
        IReadOnlyList<string> jobPaths)
    {
        JobPaths = jobPaths;
        Document = document;
        Manifest = manifest;
        Diagnostics = diagnostics;
        _positions = positions;
    }

    /// <summary>The document path (<c>jobs[i]</c>) of each job of <see cref="Manifest"/>, index for index.</summary>
    public IReadOnlyList<string> JobPaths { get; }

    /// <summary>The root node of the first YAML document, or null when empty or unreadable.</summary>
    public ManifestNode? Document { get; }

    /// <summary>The manifest model, or null when the YAML could not be read at all (syntax or limits).</summary>
    public Manifest? Manifest { get; }

    /// <summary>Problems found while reading: syntax, limits, shapes of values, unknown keys.</summary>
    public IReadOnlyList<ManifestDiagnostic> Diagnostics { get; }

    /// <summary>
    /// The position of the node at <paramref name="path"/> (e.g. <c>jobs[2].stage</c>); for a
    /// path that is not in the document, the position of its nearest ancestor that is.
    /// </summary>
    public SourcePosition PositionOf(string path) => SourcePosition.Nearest(_positions, path);
}
