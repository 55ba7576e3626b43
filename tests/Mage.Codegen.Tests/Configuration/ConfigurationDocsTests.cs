using System.Text.Json;
using System.Text.RegularExpressions;
using Mage.Codegen.Configuration;
using Mage.Testing;

namespace Mage.Codegen.Tests.Configuration;

/// <summary>docs/configuration.md and schemas/service-configuration.schema.json say what the code does.</summary>
public partial class ConfigurationDocsTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "configuration.md"));

    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "schemas", "service-configuration.schema.json"))).RootElement;

    private static List<string> YamlExamples() =>
        [.. YamlBlock().Matches(Docs).Select(m => m.Groups[1].Value).Where(y => y.StartsWith("service:", StringComparison.Ordinal))];

    private static IEnumerable<string> Keys(JsonElement element) => element.GetProperty("properties").EnumerateObject().Select(p => p.Name);

    [Fact]
    public void Docs_CompleteExample_IsTheTestedSample()
    {
        Assert.Equal(ConfigurationSamples.Complete.TrimEnd(), YamlExamples()[0].TrimEnd());
    }

    [Fact]
    public void Docs_EveryFullExample_ValidatesWithoutDiagnostics()
    {
        var examples = YamlExamples();

        Assert.True(examples.Count >= 2);
        foreach (var example in examples)
        {
            var result = ConfigurationValidator.Validate(example, new ConfigurationRules("orders", ["aspnet-minimal-api"]));
            Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        }
    }

    [Fact]
    public void Schema_DocumentsExactlyTheKeysTheParserKnows()
    {
        var definitions = Schema.GetProperty("definitions");
        var properties = Schema.GetProperty("properties");
        Assert.Equal(ConfigurationKeys.TopLevel.Order(), Keys(Schema).Order());
        Assert.Equal(ConfigurationKeys.Entity.Order(), Keys(definitions.GetProperty("entity")).Order());
        Assert.Equal(ConfigurationKeys.Field.Order(), Keys(definitions.GetProperty("field")).Order());
        Assert.Equal(ConfigurationKeys.FieldTypes, definitions.GetProperty("fieldType").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(ConfigurationKeys.Operations, definitions.GetProperty("operations").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(ConfigurationKeys.Endpoints.Order(), Keys(properties.GetProperty("endpoints")).Order());
        Assert.Equal(ConfigurationKeys.CustomEndpoint.Order(), Keys(properties.GetProperty("endpoints").GetProperty("properties").GetProperty("custom").GetProperty("additionalProperties")).Order());

        var spells = properties.GetProperty("spells").GetProperty("oneOf");
        Assert.Equal(SpellNames.All, spells[0].GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(SpellNames.All, Keys(spells[1]));
        foreach (var spell in SpellNames.All)
        {
            var options = spells[1].GetProperty("properties").GetProperty(spell).GetProperty("oneOf")[1];
            Assert.Equal(ConfigurationKeys.SpellOptions[spell].Order(), Keys(options).Order());
        }
    }

    [Fact]
    public void Docs_NamesEverySpellAndFieldType()
    {
        foreach (var word in SpellNames.All.Concat(ConfigurationKeys.FieldTypes).Concat(ConfigurationKeys.Field).Concat(ConfigurationKeys.SpellOptions.Values.SelectMany(o => o)))
        {
            Assert.Contains($"`{word}`", Docs, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
