using System.Globalization;

namespace Mage.Manifests;

/// <summary>Generic node access: mappings with known keys, strings, lists; each records positions and reports shape errors.</summary>
internal sealed partial class ManifestReader
{
    private Dictionary<string, ManifestNode> Fields(ManifestMapping map, string path, IReadOnlyList<string>? known, string what)
    {
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
                    $"duplicate key \"{key}\" (first at line {_positions[childPath].Line.ToString(CultureInfo.InvariantCulture)})");
                continue;
            }

            fields[key] = value;
            // A null value has no useful position of its own: point at the key.
            _positions[childPath] = value is ManifestScalar { IsNull: true } ? keyNode.Position : value.Position;
            if (known is not null && !known.Contains(key))
            {
                Warning(childPath, keyNode.Position,
                    $"unknown {what} \"{key}\" is ignored{Suggestions.DidYouMean(key, known)}");
            }
        }

        return fields;
    }

    private static ManifestNode? Get(Dictionary<string, ManifestNode> fields, string key) =>
        fields.TryGetValue(key, out var node) && node is not ManifestScalar { IsNull: true } ? node : null;

    private string? String(Dictionary<string, ManifestNode> fields, string parent, string key, string hint = "")
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

    private IEnumerable<(ManifestNode Item, int Index)> Items(ManifestNode? node, string path)
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

    /// <summary>Items of a list of strings; a null item reads as "" (as yaml.v2 does), a non-string is reported and skipped.</summary>
    private List<(string Path, SourcePosition Position, string Text)> StringItems(ManifestNode? node, string path)
    {
        var result = new List<(string, SourcePosition, string)>();
        foreach (var (item, index) in Items(node, path))
        {
            var itemPath = $"{path}[{index}]";
            Record(itemPath, item);
            if (item is ManifestScalar scalar)
            {
                result.Add((itemPath, item.Position, scalar.Value));
            }
            else
            {
                Error(itemPath, item.Position, $"{itemPath} must be a string, not a {item.KindName}");
            }
        }

        return result;
    }

    private List<string> StringList(ManifestNode? node, string path) =>
        StringItems(node, path).Select(i => i.Text).ToList();

    private void Record(string path, ManifestNode node) => _positions[path] = node.Position;

    private static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    private void Error(string path, SourcePosition position, string message) =>
        _diagnostics.Add(new(path, position.Line, position.Column, DiagnosticSeverity.Error, message));

    private void Warning(string path, SourcePosition position, string message) =>
        _diagnostics.Add(new(path, position.Line, position.Column, DiagnosticSeverity.Warning, message));
}
