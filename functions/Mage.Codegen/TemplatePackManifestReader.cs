using System.Text.RegularExpressions;
using Mage.Codegen.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Mage.Codegen;

/// <summary>Reads <c>pack.yaml</c>, reporting every problem with its line. Pure; thread-safe.</summary>
public static partial class TemplatePackManifestReader
{
    /// <summary>The file name of a pack's manifest.</summary>
    public const string FileName = "pack.yaml";

    private static readonly string[] Known = ["defaultManifest", "description", "name", "requires", "supports", "version"];

    /// <summary>Parses <paramref name="yaml"/>; on failure, <paramref name="problems"/> says why and the result is null.</summary>
    public static TemplatePackManifest? Read(string yaml, List<PackProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                problems.Add(new PackProblem(FileName, 1, "pack.yaml must be a mapping with name, description and version"));
                return null;
            }

            root = mapping;
        }
        catch (YamlException ex)
        {
            problems.Add(new PackProblem(FileName, (int)ex.Start.Line, $"not valid YAML: {ex.Message}"));
            return null;
        }

        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Where(k => !Known.Contains(k.Value, StringComparer.Ordinal)))
        {
            problems.Add(new PackProblem(FileName, Line(key), $"unknown key {key.Value}; pack.yaml knows {string.Join(", ", Known)}"));
        }

        var name = Scalar(root, "name", required: true, problems);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            problems.Add(new PackProblem(FileName, Line(root, "name"), $"name {name} must be lower-case letters, digits and dashes, starting with a letter (at most 64)"));
        }

        var description = Scalar(root, "description", required: true, problems);
        var version = Scalar(root, "version", required: true, problems);
        var requires = List(root, "requires", PackFeatures.All, problems);
        var supports = List(root, "supports", SpellNames.All, problems);
        var defaultManifest = Scalar(root, "defaultManifest", required: false, problems);
        return problems.Count > before
            ? null
            : new TemplatePackManifest(name!, description!, version!, requires, supports, string.IsNullOrWhiteSpace(defaultManifest) ? null : defaultManifest);
    }

    private static string? Scalar(YamlMappingNode root, string key, bool required, List<PackProblem> problems)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            if (required)
            {
                problems.Add(new PackProblem(FileName, 1, $"{key} is required"));
            }

            return null;
        }

        if (node is not YamlScalarNode { Value: { } value } || (required && string.IsNullOrWhiteSpace(value)))
        {
            problems.Add(new PackProblem(FileName, Line(node), $"{key} must be a non-empty string"));
            return null;
        }

        return value.Trim() == value || key == "defaultManifest" ? value : value.Trim();
    }

    private static string[] List(YamlMappingNode root, string key, IReadOnlyList<string> allowed, List<PackProblem> problems)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            problems.Add(new PackProblem(FileName, Line(node), $"{key} must be a list (one of {string.Join(", ", allowed)})"));
            return [];
        }

        var values = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } value } && allowed.Contains(value, StringComparer.Ordinal))
            {
                values.Add(value);
            }
            else
            {
                problems.Add(new PackProblem(FileName, Line(item), $"{key} lists {(item as YamlScalarNode)?.Value ?? "a non-string"}, which is not one of {string.Join(", ", allowed)}"));
            }
        }

        return [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static int Line(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? Line(node) : 1;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();
}
