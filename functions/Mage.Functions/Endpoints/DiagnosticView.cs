using System.Text.Json.Serialization;
using Mage.Manifests;

namespace Mage.Functions.Endpoints;

/// <summary>One manifest problem as the API shows it (api.md: <c>errors: [{ path, line, column, message }]</c>).</summary>
/// <param name="Path">Where in the document, e.g. <c>jobs[2].stage</c>, or the request field, e.g. <c>tag</c>.</param>
/// <param name="Line">1-based line; absent (not 0) when the problem has no place in the YAML, e.g. the tag.</param>
/// <param name="Column">1-based column; absent together with <paramref name="Line"/>.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record DiagnosticView(
    string Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Column,
    string Severity,
    string Message)
{
    /// <summary>The view of a diagnostic; a diagnostic at line 0 (outside the document) gets no position.</summary>
    public static DiagnosticView Of(ManifestDiagnostic d)
    {
        ArgumentNullException.ThrowIfNull(d);
        bool placed = d.Line > 0;
        return new(d.Path, placed ? d.Line : null, placed ? Math.Max(d.Column, 1) : null, d.Severity == DiagnosticSeverity.Error ? "error" : "warning", d.Message);
    }
}
