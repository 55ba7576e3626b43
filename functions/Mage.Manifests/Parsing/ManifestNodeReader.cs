using System.Globalization;

namespace Mage.Manifests;

/// <summary>
/// The shared part of the readers that turn a <see cref="ManifestNode"/> tree (from
/// <see cref="YamlTreeLoader"/>) into a model: djinn manifests here, service configurations in
/// Mage.Codegen. It walks mappings, strings and lists, records where each path came from, and
/// collects every shape problem as a <see cref="ManifestDiagnostic"/> instead of stopping at the first.
/// </summary>
/// <remarks>
/// Contract for derived readers:
/// <list type="bullet">
/// <item>A path is dotted keys with <c>[i]</c> list indices (<c>jobs[2].stage</c>); the document itself is the empty path.</item>
/// <item><see cref="Positions"/> holds, for every path read, the position of its value, or of its key when the value is null
/// (a null has no useful position of its own); key positions are kept separately for <see cref="KeyError"/>.</item>
/// <item>A non-string key and a repeated key are always errors and the entry is skipped (the first one wins).</item>
/// <item>What an unknown key means is the derived reader's decision (<see cref="OnUnknownKey"/>): a manifest warns and keeps
/// it, because djinn ignores it; a configuration refuses it, because a typo must not silently switch a feature off.</item>
/// </list>
/// One instance reads one document; it is not thread-safe.
/// </remarks>
internal abstract class ManifestNodeReader
{
    private readonly List<ManifestDiagnostic> _diagnostics = [];
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourcePosition> _keyPositions = new(StringComparer.Ordinal);

    /// <summary>Where each path read so far starts in the document (see the class remarks for which position).</summary>
    public IReadOnlyDictionary<string, SourcePosition> Positions => _positions;

    /// <summary>Every problem reported so far, in the order found.</summary>
    protected IReadOnlyList<ManifestDiagnostic> Reported => _diagnostics;

    /// <summary>
    /// Decides what an entry whose key is not in the known list becomes, and reports it.
    /// Returns true to keep the entry (it is then recorded like a known one), false to drop it.
    /// </summary>
    /// <param name="mapPath">The path of the mapping holding the key.</param>
    /// <param name="keyPath">The path the entry would have.</param>
    /// <param name="key">The key as written.</param>
    /// <param name="keyPosition">Where the key stands.</param>
    /// <param name="known">The keys the mapping may hold.</param>
    /// <param name="what">What a key of this mapping is called in messages, e.g. "job key".</param>
    protected abstract bool OnUnknownKey(string mapPath, string keyPath, string key, SourcePosition keyPosition, IReadOnlyList<string> known, string what);

    /// <summary>
    /// The start of the message for a repeated key, e.g. <c>duplicate key "x"</c>; the reader adds
    /// where the first one stands. <paramref name="what"/> is as for <see cref="OnUnknownKey"/>.
    /// </summary>
    protected abstract string DuplicateKeyMessage(string key, string what);

    /// <summary>
    /// The entries of <paramref name="map"/> (at <paramref name="path"/>) by key, each recorded in
    /// <see cref="Positions"/>. With <paramref name="known"/>, other keys go to <see cref="OnUnknownKey"/>;
    /// without it every key is accepted (for mappings whose keys the caller judges itself).
    /// </summary>
    protected Dictionary<string, ManifestNode> Fields(ManifestMapping map, string path, IReadOnlyList<string>? known, string what)
    {
        ArgumentNullException.ThrowIfNull(map);
        var fields = new Dictionary<string, ManifestNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Entries)
        {
            if (keyNode is not ManifestScalar { Value: var key })
            {
                Error(path, keyNode.Position, $"keys must be strings, not a {keyNode.KindName}");
                continue;
            }

            var childPath = Join(path, key);
            if (fields.ContainsKey(key))
            {
                Error(childPath, keyNode.Position,
                    $"{DuplicateKeyMessage(key, what)} (first at line {_positions[childPath].Line.ToString(CultureInfo.InvariantCulture)})");
                continue;
            }

            if (known is not null && !known.Contains(key) && !OnUnknownKey(path, childPath, key, keyNode.Position, known, what))
            {
                continue;
            }

            fields[key] = value;
            _keyPositions[childPath] = keyNode.Position;
            // A null value has no useful position of its own: point at the key.
            _positions[childPath] = value is ManifestScalar { IsNull: true } ? keyNode.Position : value.Position;
        }

        return fields;
    }

    /// <summary>The value under <paramref name="key"/>; an explicit null reads as absent, as in YAML's own loaders.</summary>
    protected static ManifestNode? Get(Dictionary<string, ManifestNode> fields, string key)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.TryGetValue(key, out var node) && node is not ManifestScalar { IsNull: true } ? node : null;
    }

    /// <summary>
    /// The string under <paramref name="key"/>, or null when absent; anything but a scalar is reported
    /// (with <paramref name="hint"/> appended to the message) and reads as null.
    /// </summary>
    protected string? String(Dictionary<string, ManifestNode> fields, string parent, string key, string hint = "")
    {
        var node = Get(fields, key);
        var path = Join(parent, key);
        switch (node)
        {
            case null:
                return null;
            case ManifestScalar scalar:
                return scalar.Value;
            default:
                Error(path, node.Position, $"{path} must be a string, not a {node.KindName}{hint}");
                return null;
        }
    }

    /// <summary>The items of a list with their indices; absent is empty, anything but a list is reported and reads as empty.</summary>
    protected IEnumerable<(ManifestNode Item, int Index)> Items(ManifestNode? node, string path)
    {
        switch (node)
        {
            case null:
                return [];
            case ManifestSequence seq:
                return seq.Items.Select((item, index) => (item, index));
            default:
                Error(path, node.Position, $"{path} must be a list, not a {node.KindName}");
                return [];
        }
    }

    /// <summary>Records where <paramref name="path"/> stands: for list items and roots, which <see cref="Fields"/> does not see.</summary>
    protected void Record(string path, ManifestNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        _positions[path] = node.Position;
    }

    /// <summary>The recorded position of a path that was read (a missing one is a bug in the reader, so it throws).</summary>
    protected SourcePosition PositionOf(string path) => _positions[path];

    /// <summary>The path of <paramref name="key"/> inside <paramref name="parent"/>.</summary>
    protected static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    /// <summary>Reports an error: the document is refused.</summary>
    protected void Error(string path, SourcePosition position, string message) =>
        _diagnostics.Add(new(path, position.Line, position.Column, DiagnosticSeverity.Error, message));

    /// <summary>An error at the recorded position of <paramref name="path"/>, or the document's start when it has none.</summary>
    protected void Error(string path, string message) =>
        Error(path, _positions.TryGetValue(path, out var position) ? position : SourcePosition.Start, message);

    /// <summary>An error about a mapping key itself (a name), placed at the key rather than its value.</summary>
    protected void KeyError(string path, string message)
    {
        if (_keyPositions.TryGetValue(path, out var position))
        {
            Error(path, position, message);
        }
        else
        {
            Error(path, message);
        }
    }

    /// <summary>Reports a warning: the document is accepted, but the author should know.</summary>
    protected void Warning(string path, SourcePosition position, string message) =>
        _diagnostics.Add(new(path, position.Line, position.Column, DiagnosticSeverity.Warning, message));
}
