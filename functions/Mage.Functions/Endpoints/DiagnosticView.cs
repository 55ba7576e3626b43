using Mage.Manifests;

namespace Mage.Functions.Endpoints;

/// <summary>One manifest problem as the API shows it (api.md: <c>errors: [{ path, line, column, message }]</c>).</summary>
/// <param name="Path">Where in the document, e.g. <c>jobs[2].stage</c>.</param>
/// <param name="Line">1-based line (0 when the problem is not in the YAML, e.g. the tag).</param>
/// <param name="Column">1-based column.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record DiagnosticView(string Path, int Line, int Column, string Severity, string Message)
{
    /// <summary>The view of a diagnostic.</summary>
    public static DiagnosticView Of(ManifestDiagnostic d) =>
        new(d.Path, d.Line, d.Column, d.Severity == DiagnosticSeverity.Error ? "error" : "warning", d.Message);
}
