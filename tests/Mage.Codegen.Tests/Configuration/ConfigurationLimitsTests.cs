using System.Text;
using Mage.Codegen.Configuration;

namespace Mage.Codegen.Tests.Configuration;

/// <summary>Hostile or oversized configurations are refused with one clear error, never a hang or a crash.</summary>
public class ConfigurationLimitsTests
{
    [Fact]
    public void Validate_DocumentOverSizeLimit_IsRefusedBeforeParsing()
    {
        var limits = new ConfigurationLimits { MaxDocumentBytes = 100 };
        var text = "service: orders\ndescription: " + new string('x', 200) + "\n";

        var error = Assert.Single(ConfigurationValidator.Validate(text, new ConfigurationRules(Limits: limits)).Errors);

        Assert.Contains("the limit is 100 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BillionLaughs_IsRefusedByAliasLimit()
    {
        var yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*" + previous, 10))).Append("]\n");
        }

        var error = Assert.Single(ConfigurationValidator.Validate(yaml.ToString()).Errors);

        Assert.Contains("aliases expand to more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DeepNesting_IsRefused()
    {
        var text = "service: orders\ndescription: " + new string('[', 100) + new string(']', 100) + "\n";

        var error = Assert.Single(ConfigurationValidator.Validate(text).Errors);

        Assert.Contains("nested more than 32 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooManyEntities_IsOneErrorAtModel()
    {
        var yaml = new StringBuilder("service: orders\npack: aspnet-minimal-api\nmodel:\n");
        for (var i = 0; i < 4; i++)
        {
            yaml.Append("  E").Append(i).Append(":\n    fields:\n      id: { type: guid, key: true }\n");
        }

        var result = ConfigurationValidator.Validate(yaml.ToString(), new ConfigurationRules(Limits: new ConfigurationLimits { MaxEntities = 3 }));

        var error = Assert.Single(result.Errors);
        Assert.Equal("model", error.Path);
        Assert.Contains("the limit is 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OverlongName_IsRefused()
    {
        var name = "E" + new string('x', 80);
        var yaml = $"service: orders\npack: aspnet-minimal-api\nmodel:\n  {name}:\n    fields:\n      id: {{ type: guid, key: true }}\n";

        var error = Assert.Single(ConfigurationValidator.Validate(yaml).Errors);

        Assert.Equal(($"model.{name}", 4, 3), (error.Path, error.Line, error.Column));
    }
}
