using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>
/// What <see cref="ConfigurationParser.Parse"/> read: the YAML tree with positions, a candidate
/// model (not yet checked across sections, defaults not yet resolved) and problems found while reading.
/// </summary>
public sealed class ConfigurationParse
{
    private readonly IReadOnlyDictionary<string, SourcePosition> _positions;

    internal ConfigurationParse(ManifestNode? document, ServiceConfiguration? candidate, bool entityEndpointsGiven,
        IReadOnlyList<ConfigurationDiagnostic> diagnostics, IReadOnlyDictionary<string, SourcePosition> positions)
    {
        Document = document;
        Candidate = candidate;
        EntityEndpointsGiven = entityEndpointsGiven;
        Diagnostics = diagnostics;
        _positions = positions;
    }

    /// <summary>The root node of the first YAML document, or null when empty or unreadable.</summary>
    public ManifestNode? Document { get; }

    /// <summary>The model as read, bad items left out; null when the text could not be read as a mapping.</summary>
    public ServiceConfiguration? Candidate { get; }

    /// <summary>True when the document has <c>endpoints.entities</c> (otherwise the <c>crud</c> spell exposes every entity).</summary>
    public bool EntityEndpointsGiven { get; }

    /// <summary>Problems found while reading: syntax, limits, shapes of values, unknown keys.</summary>
    public IReadOnlyList<ConfigurationDiagnostic> Diagnostics { get; }

    /// <summary>True when <paramref name="path"/> is in the document.</summary>
    public bool Has(string path) => _positions.ContainsKey(path);

    /// <summary>
    /// The position of the node at <paramref name="path"/>; for a path that is not in the
    /// document, the position of its nearest ancestor that is.
    /// </summary>
    public SourcePosition PositionOf(string path) => SourcePosition.Nearest(_positions, path);
}
