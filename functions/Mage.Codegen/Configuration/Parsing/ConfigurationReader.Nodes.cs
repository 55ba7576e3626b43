using System.Globalization;
using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>What a configuration does differently from the shared node reading, and its typed values: mappings, numbers, flags, durations, lists.</summary>
internal sealed partial class ConfigurationReader
{
    // A typo in a configuration must not silently switch a feature off, so an unknown key is an
    // error naming the known ones. The key it was probably meant to be is remembered, so that
    // key is not also reported as missing.
    protected override bool OnUnknownKey(string mapPath, string keyPath, string key, SourcePosition keyPosition, IReadOnlyList<string> known, string what)
    {
        var suggestion = Suggestions.Closest(key, known);
        if (suggestion is not null)
        {
            _misspelled.Add(Join(mapPath, suggestion));
        }

        Error(keyPath, keyPosition,
            $"unknown {what} \"{Shorten(key)}\"{Suggestions.DidYouMean(key, known)} (known: {string.Join(", ", known)})");
        return false;
    }

    // Keys here are user names (entities, fields, spells): a pasted wall of text is shortened.
    protected override string DuplicateKeyMessage(string key, string what) => $"duplicate {what} \"{Shorten(key)}\"";

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
                Error(path, PositionOf(path), $"{path} must be true or false, not \"{Shorten(text)}\"");
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
            Error(path, PositionOf(path), $"{path} must be a whole number, not \"{Shorten(text)}\"");
            return null;
        }

        if (value < min || value > max)
        {
            Error(path, PositionOf(path), $"{path} is {value}; it must be between {min} and {max}");
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
        Error(path, PositionOf(path), $"{path} must be a number, not \"{Shorten(text)}\"");
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
            Error(path, PositionOf(path), $"{path} \"{Shorten(text)}\" is not a duration; write e.g. 30s, 5m or 1h30m");
            return null;
        }

        if (duration > max)
        {
            Error(path, PositionOf(path), $"{path} is {DurationSyntax.Format(duration)}; the most is {DurationSyntax.Format(max)}");
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

    private static string Describe(string path) => path.Length == 0 ? "the configuration" : path;

    private static string Shorten(string value) => Catalog.CatalogNames.Shorten(value);
}
