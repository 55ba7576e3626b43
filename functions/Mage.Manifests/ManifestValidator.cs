namespace Mage.Manifests;

/// <summary>The one-call entry point: parse, lint and, when valid, compile. Used by the API and the CLI.</summary>
public static class ManifestValidator
{
    /// <summary>Validates <paramref name="yaml"/>; never throws on bad input.</summary>
    public static ManifestValidation Validate(string yaml, ManifestLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        limits ??= ManifestLimits.Default;
        var parsed = ManifestParser.Parse(yaml, limits);
        var diagnostics = ManifestLinter.Lint(parsed, limits);
        var valid = parsed.Manifest is not null && diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
        return new ManifestValidation(valid, diagnostics, parsed.Manifest, valid ? PlanCompiler.Compile(parsed.Manifest!) : null);
    }
}
