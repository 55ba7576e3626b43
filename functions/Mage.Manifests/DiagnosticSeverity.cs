namespace Mage.Manifests;

/// <summary>How serious a <see cref="ManifestDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The build is refused.</summary>
    Error,

    /// <summary>The build is accepted; the problem is reported.</summary>
    Warning,
}
