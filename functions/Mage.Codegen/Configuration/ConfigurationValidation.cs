using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>The outcome of <see cref="ConfigurationValidator.Validate"/>.</summary>
/// <param name="IsValid">True when there are no errors (warnings allowed).</param>
/// <param name="Diagnostics">Errors and warnings, sorted by line and column.</param>
/// <param name="Configuration">The compiled configuration, only when valid.</param>
public sealed record ConfigurationValidation(bool IsValid, IReadOnlyList<ConfigurationDiagnostic> Diagnostics, ServiceConfiguration? Configuration)
{
    /// <summary>The errors only.</summary>
    public IEnumerable<ConfigurationDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The warnings only.</summary>
    public IEnumerable<ConfigurationDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);
}
