using System.Globalization;
using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>
/// Checks a parsed configuration across its sections (keys, references between entities,
/// endpoints and spells, limits that fit their types, routes that collide) and returns every
/// problem, the parser's included, sorted by position. Pure.
/// </summary>
public static class ConfigurationLinter
{
    /// <summary>All diagnostics of <paramref name="parsed"/>, sorted by line and column.</summary>
    public static IReadOnlyList<ConfigurationDiagnostic> Lint(ConfigurationParse parsed, ConfigurationRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        rules ??= new ConfigurationRules();
        var sink = new LintSink(parsed);
        if (parsed.Candidate is { } candidate)
        {
            CheckHeader(candidate, parsed, rules, sink);
            var entities = candidate.Entities.Select(e => e.Name).ToList();
            foreach (var entity in candidate.Entities)
            {
                EntityChecks.Check(entity, entities, parsed, sink);
            }

            EndpointChecks.Check(candidate, parsed, sink);
            SpellChecks.Check(candidate, sink);
        }

        return [.. parsed.Diagnostics.Concat(sink.Items).OrderBy(d => d.Line).ThenBy(d => d.Column)];
    }

    private static void CheckHeader(ServiceConfiguration candidate, ConfigurationParse parsed, ConfigurationRules rules, LintSink sink)
    {
        if (rules.Service is { } expected && candidate.Service.Length > 0 && candidate.Service != expected)
        {
            sink.Error("service", $"service is \"{candidate.Service}\" but the configuration is saved for service {expected}; they must match");
        }

        if (rules.BuiltInPacks is { } known && candidate.Pack is PackSource.BuiltIn { Name.Length: > 0 } builtIn && !known.Contains(builtIn.Name))
        {
            sink.Error("pack", $"there is no built-in pack \"{builtIn.Name}\"{Suggestions.DidYouMean(builtIn.Name, known)} (built-in packs: {string.Join(", ", known.Order(StringComparer.Ordinal))}); for your own pack write pack: {{ git: URL }} or pack: {{ object: NAME }}");
        }

        if (candidate.Spells.Crud is not null && candidate.Entities.Count == 0 && !parsed.Diagnostics.Any(d => d.Path.StartsWith("model", StringComparison.Ordinal)))
        {
            sink.Error("model", "the crud spell is on but the model has no entity; add model: { Customer: { fields: { id: { type: guid, key: true } } } }");
        }
    }

    /// <summary>The path of the <paramref name="index"/>-th item of a list.</summary>
    internal static string Item(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";
}
