using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mage.Manifests;

/// <summary>
/// Reads YAML parser events into <see cref="ManifestNode"/>s with positions, enforcing
/// <see cref="ManifestLimits"/> as it goes. We read events ourselves (rather than the
/// representation model) so that depth and alias expansion are checked before any work is
/// done on a hostile document.
/// </summary>
internal sealed partial class YamlTreeLoader
{
    private readonly IParser _parser;
    private readonly ManifestLimits _limits;
    private readonly Dictionary<string, ManifestNode> _anchors = new(StringComparer.Ordinal);
    private long _aliasExpansion;
    private SourcePosition _lastPosition = SourcePosition.Start;

    private YamlTreeLoader(IParser parser, ManifestLimits limits)
    {
        _parser = parser;
        _limits = limits;
    }

    /// <summary>Loads the first document; returns null root and one error when the text cannot be read.</summary>
    public static (ManifestNode? Root, ManifestDiagnostic? Error) Load(string yaml, ManifestLimits limits)
    {
        var bytes = Encoding.UTF8.GetByteCount(yaml);
        if (bytes > limits.MaxDocumentBytes)
        {
            return (null, Error(SourcePosition.Start,
                $"manifest is {bytes} bytes; the limit is {limits.MaxDocumentBytes} bytes"));
        }

        using var reader = new StringReader(yaml);
        var loader = new YamlTreeLoader(new Parser(reader), limits);
        try
        {
            return (loader.LoadFirstDocument(), null);
        }
        catch (ManifestLoadException e)
        {
            return (null, Error(e.Position, e.Message));
        }
        catch (YamlException e)
        {
            return (null, Error(ToPosition(e.Start), "invalid YAML: " + CleanMessage(e.Message)));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed input (found by the mutation
            // property test); it is still a syntax error in the user's text, not our failure.
            return (null, Error(loader._lastPosition, "invalid YAML after this point: the YAML reader could not read the text that follows"));
        }
    }

    private ManifestNode? LoadFirstDocument()
    {
        _parser.Consume<StreamStart>();
        if (!_parser.TryConsume<DocumentStart>(out _))
        {
            return null; // empty stream: an empty manifest
        }

        var root = _parser.Accept<DocumentEnd>(out _) ? null : LoadNode(depth: 1);
        _parser.Consume<DocumentEnd>();
        // djinn (yaml.v2 Unmarshal) reads only the first document; later ones are not read,
        // so a syntax error in them cannot refuse the build either.
        return root;
    }

    private ManifestNode LoadNode(int depth)
    {
        var current = _parser.Current ?? throw new ManifestLoadException(SourcePosition.Start, "unexpected end of YAML");
        var position = ToPosition(current.Start);
        _lastPosition = position;
        if (depth > _limits.MaxNestingDepth)
        {
            throw new ManifestLoadException(position,
                $"YAML is nested more than {_limits.MaxNestingDepth} levels deep");
        }

        ManifestNode node;
        AnchorName anchor;
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                return ResolveAlias(alias, position);
            case Scalar scalar:
                _parser.MoveNext();
                anchor = scalar.Anchor;
                node = new ManifestScalar(position, scalar.Value, IsNull(scalar));
                break;
            case SequenceStart start:
                _parser.MoveNext();
                anchor = start.Anchor;
                node = LoadSequence(position, depth);
                break;
            case MappingStart start:
                _parser.MoveNext();
                anchor = start.Anchor;
                node = LoadMapping(position, depth);
                break;
            default:
                throw new ManifestLoadException(position, $"unexpected YAML event {current.GetType().Name}");
        }

        if (!anchor.IsEmpty)
        {
            // Registered after the node is complete, so an alias inside its own anchor is
            // "not defined": that rules out cycles.
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private ManifestNode ResolveAlias(AnchorAlias alias, SourcePosition position)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            throw new ManifestLoadException(position, $"alias *{alias.Value.Value} refers to no anchor defined before it");
        }

        _aliasExpansion += target.Weight;
        if (_aliasExpansion > _limits.MaxAliasExpansion)
        {
            throw new ManifestLoadException(position,
                $"aliases expand to more than {_limits.MaxAliasExpansion} nodes; refusing the document (is it a \"billion laughs\" document?)");
        }

        return target;
    }

    private ManifestSequence LoadSequence(SourcePosition position, int depth)
    {
        var items = new List<ManifestNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(LoadNode(depth + 1));
        }

        return new ManifestSequence(position, items);
    }

    private ManifestMapping LoadMapping(SourcePosition position, int depth)
    {
        var explicitEntries = new List<KeyValuePair<ManifestNode, ManifestNode>>();
        var merged = new List<KeyValuePair<ManifestNode, ManifestNode>>();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = LoadNode(depth + 1);
            var value = LoadNode(depth + 1);
            if (key is ManifestScalar { Value: "<<" })
            {
                // yaml.v2 (djinn's decoder) honours merge keys; so do we.
                merged.AddRange(MergeSources(value));
            }
            else
            {
                explicitEntries.Add(new(key, value));
            }
        }

        var keys = explicitEntries.Select(e => (e.Key as ManifestScalar)?.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in merged)
        {
            if (entry.Key is ManifestScalar scalar && keys.Add(scalar.Value))
            {
                explicitEntries.Add(entry);
            }
        }

        return new ManifestMapping(position, explicitEntries);
    }

    private static IEnumerable<KeyValuePair<ManifestNode, ManifestNode>> MergeSources(ManifestNode value) => value switch
    {
        ManifestMapping map => map.Entries,
        ManifestSequence seq => seq.Items.OfType<ManifestMapping>().SelectMany(m => m.Entries),
        _ => throw new ManifestLoadException(value.Position, "a merge key (<<) needs a mapping or a list of mappings"),
    };

    private static bool IsNull(Scalar scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private static SourcePosition ToPosition(Mark mark) =>
        new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static ManifestDiagnostic Error(SourcePosition position, string message) =>
        new(string.Empty, position.Line, position.Column, DiagnosticSeverity.Error, message);

    // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (Line: …): "; we report the position separately.
    private static string CleanMessage(string message)
    {
        var text = MarkPrefix().Replace(message, string.Empty).Trim();
        return text.Length > 0 && char.IsUpper(text[0]) && (text.Length == 1 || !char.IsUpper(text[1]))
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();
}
