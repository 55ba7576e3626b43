namespace Mage.Manifests;

/// <summary>The outcome of <see cref="ManifestValidator.Validate"/>.</summary>
/// <param name="IsValid">True when there are no errors (warnings allowed).</param>
/// <param name="Diagnostics">Errors and warnings, sorted by line and column.</param>
/// <param name="Manifest">The manifest model, or null when the YAML could not be read.</param>
/// <param name="Plan">The execution plan, only when valid.</param>
public sealed record ManifestValidation(
    bool IsValid,
    IReadOnlyList<ManifestDiagnostic> Diagnostics,
    Manifest? Manifest,
    ExecutionPlan? Plan)
{
    /// <summary>The errors only.</summary>
    public IEnumerable<ManifestDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The warnings only.</summary>
    public IEnumerable<ManifestDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);
}
