using Mage.Codegen.Configuration;
using Mage.Manifests;

namespace Mage.Codegen.Tests.Configuration;

/// <summary>
/// Mutates the complete example at random (YAML and JSON punctuation, cut, duplicated and
/// re-indented text) and checks that validation only ever answers with diagnostics: no
/// exception, positions 1-based, a configuration exactly when there is no error.
/// </summary>
public class ConfigurationMutationTests
{
    private static readonly string[] Tokens =
        [":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "<<: *a\n", "!!str ", "|\n", "'", "\"", "#", "\n", "  ", "\t", "~", "? ", "---\n",
         "\u00e9", "\0", "{x}", "/", "type: reference\n", "key: true", "crud", "http-call:\n", "calls: quote\n", "min: 9\n", "values: []\n", "-1", "1e9999"];

    private static readonly string Json =
        """{ "service": "orders", "pack": { "git": "https://example.com/p.git", "ref": "v1" }, "model": { "A": { "fields": { "id": { "type": "int", "key": true, "min": 1 } } } }, "spells": ["crud"] }""";

    [Theory]
    [InlineData(1, 400)]
    [InlineData(2, 400)]
    public void Validate_MutatedConfigurations_OnlyReportDiagnostics(int seed, int cases)
    {
        var random = new Random(seed);
        var sources = new[] { ConfigurationSamples.Complete, ConfigurationSamples.Minimal, Json };
        for (var i = 0; i < cases; i++)
        {
            var text = sources[random.Next(sources.Length)];
            for (var m = random.Next(1, 6); m > 0; m--)
            {
                text = Mutate(text, random);
            }

            AssertHolds(text);
        }
    }

    private static void AssertHolds(string text)
    {
        ConfigurationValidation result;
        try
        {
            result = ConfigurationValidator.Validate(text, new ConfigurationRules("orders", ["aspnet-minimal-api"]));
        }
        catch (Exception ex)
        {
            Assert.Fail($"validation threw {ex.GetType().Name}: {ex.Message}\nfor:\n{text}");
            return;
        }

        var errors = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(result.Diagnostics.All(d => d.Line >= 1 && d.Column >= 1 && d.Message.Length > 0), $"bad position or message for:\n{text}");
        Assert.True(result.IsValid == !errors && (result.Configuration is not null) == result.IsValid, $"validity does not match the errors for:\n{text}");
    }

    private static string Mutate(string text, Random random)
    {
        var at = random.Next(text.Length + 1);
        var length = Math.Min(random.Next(1, 40), text.Length - at);
        var token = Tokens[random.Next(Tokens.Length)];
        switch (random.Next(5))
        {
            case 0:
                return text.Insert(at, token);
            case 1:
                return text.Remove(at, length);
            case 2:
                return text.Insert(at, text.Substring(at, length));
            case 3:
                return text.Remove(at, length).Insert(at, token);
            default:
                var start = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
                return start < text.Length && text[start] == ' ' ? text.Remove(start, 1) : text.Insert(start, " ");
        }
    }
}
