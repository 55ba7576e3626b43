using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>The one-call entry point: parse, lint and, when valid, compile. Used by the save route and by code generation. Pure.</summary>
public static class ConfigurationValidator
{
    /// <summary>Validates <paramref name="text"/> (YAML or JSON); never throws on bad input.</summary>
    public static ConfigurationValidation Validate(string text, ConfigurationRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        rules ??= new ConfigurationRules();
        var parsed = ConfigurationParser.Parse(text, rules.Limits);
        var diagnostics = ConfigurationLinter.Lint(parsed, rules);
        var valid = parsed.Candidate is not null && diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
        return new ConfigurationValidation(valid, diagnostics, valid ? ConfigurationCompiler.Compile(parsed) : null);
    }
}
