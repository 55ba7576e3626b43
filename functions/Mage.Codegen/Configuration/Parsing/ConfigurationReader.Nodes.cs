using System.Globalization;
using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>Generic node access: mappings with known keys, strings, numbers, flags, lists; each records positions and reports shape errors.</summary>
internal sealed partial class ConfigurationReader
{
    /// <summary>
    /// The entries of <paramref name="map"/> by key. With <paramref name="known"/>, any other key is
    /// an error (a typo must not silently switch a feature off) with a "did you mean".
    /// </summary>
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
                    $"duplicate {what} \"{Shorten(key)}\" (first at line {_positions[childPath].Line.ToString(CultureInfo.InvariantCulture)})");
                continue;
            }

            if (known is not null && !known.Contains(key))
            {
                var suggestion = Suggestions.Closest(key, known);
                if (suggestion is not null)
                {
                    _misspelled.Add(Join(path, suggestion));
                }

                Error(childPath, keyNode.Position,
                    $"unknown {what} \"{Shorten(key)}\"{Suggestions.DidYouMean(key, known)} (known: {string.Join(", ", known)})");
                continue;
            }

            fields[key] = value;
            _keyPositions[childPath] = keyNode.Position;
            // A null value has no useful position of its own: point at the key.
            _positions[childPath] = value is ManifestScalar { IsNull: true } ? keyNode.Position : value.Position;
        }

        return fields;
    }

    private static ManifestNode? Get(Dictionary<string, ManifestNode> fields, string key) =>
        fields.TryGetValue(key, out var node) && node is not ManifestScalar { IsNull: true } ? node : null;

    /// <summary>The mapping at <paramref name="path"/>, or null (reported unless absent).</summary>
    private ManifestMapping? Mapping(ManifestNode? node, string path, string example)
    {
        switch (node)
        {
            case null:
                return null;
            case ManifestMapping map:
                return map;
            default:
                Error(path, node.Position, $"{Describe(path)} must be a mapping ({example}), not a {node.KindName}");
                return null;
        }
    }

    private string? String(Dictionary<string, ManifestNode> fields, string parent, string key)
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
                Error(path, node.Position, $"{path} must be a string, not a {node.KindName}");
                return null;
        }
    }

    private bool? Bool(Dictionary<string, ManifestNode> fields, string parent, string key)
    {
        var text = String(fields, parent, key);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                var path = Join(parent, key);
                Error(path, _positions[path], $"{path} must be true or false, not \"{Shorten(text)}\"");
                return null;
        }
    }

    private int? Int(Dictionary<string, ManifestNode> fields, string parent, string key, int min, int max)
    {
        var text = String(fields, parent, key);
        if (text is null)
        {
            return null;
        }

        var path = Join(parent, key);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(path, _positions[path], $"{path} must be a whole number, not \"{Shorten(text)}\"");
            return null;
        }

        if (value < min || value > max)
        {
            Error(path, _positions[path], $"{path} is {value}; it must be between {min} and {max}");
            return null;
        }

        return value;
    }

    private decimal? Decimal(Dictionary<string, ManifestNode> fields, string parent, string key)
    {
        var text = String(fields, parent, key);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var path = Join(parent, key);
        Error(path, _positions[path], $"{path} must be a number, not \"{Shorten(text)}\"");
        return null;
    }

    private TimeSpan? Duration(Dictionary<string, ManifestNode> fields, string parent, string key, TimeSpan max)
    {
        var text = String(fields, parent, key);
        if (text is null)
        {
            return null;
        }

        var path = Join(parent, key);
        if (!DurationSyntax.TryParse(text, out var duration))
        {
            Error(path, _positions[path], $"{path} \"{Shorten(text)}\" is not a duration; write e.g. 30s, 5m or 1h30m");
            return null;
        }

        if (duration > max)
        {
            Error(path, _positions[path], $"{path} is {DurationSyntax.Format(duration)}; the most is {DurationSyntax.Format(max)}");
            return null;
        }

        return duration;
    }

    /// <summary>A list of strings; non-strings are reported and skipped; an empty list is an error (leave the key out instead).</summary>
    private List<(string Path, SourcePosition Position, string Text)>? StringList(Dictionary<string, ManifestNode> fields, string parent, string key)
    {
        var node = Get(fields, key);
        var path = Join(parent, key);
        switch (node)
        {
            case null:
                return null;
            case ManifestSequence { Items.Count: 0 }:
                Error(path, node.Position, $"{path} is an empty list; list at least one item or leave {key} out");
                return null;
            case ManifestSequence seq:
                var items = new List<(string, SourcePosition, string)>();
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    var item = seq.Items[i];
                    var itemPath = $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]";
                    Record(itemPath, item);
                    if (item is ManifestScalar { IsNull: false } scalar)
                    {
                        items.Add((itemPath, item.Position, scalar.Value));
                    }
                    else
                    {
                        Error(itemPath, item.Position, $"{itemPath} must be a string, not {(item is ManifestScalar ? "empty" : "a " + item.KindName)}");
                    }
                }

                return items;
            default:
                Error(path, node.Position, $"{path} must be a list, e.g. [a, b], not a {node.KindName}");
                return null;
        }
    }

    private static int IndexIn(IReadOnlyList<string> words, string word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == word)
            {
                return i;
            }
        }

        return -1;
    }

    private void Record(string path, ManifestNode node) => _positions[path] = node.Position;

    private static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    private static string Describe(string path) => path.Length == 0 ? "the configuration" : path;

    private static string Shorten(string value) => Catalog.CatalogNames.Shorten(value);

    private void Error(string path, SourcePosition position, string message) =>
        _diagnostics.Add(new(path, position.Line, position.Column, DiagnosticSeverity.Error, message));

    /// <summary>An error about a mapping key itself (a name), placed at the key rather than its value.</summary>
    private void KeyError(string path, string message)
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

    private void Error(string path, string message) => Error(path, _positions.TryGetValue(path, out var p) ? p : SourcePosition.Start, message);
}
