using Mage.Codegen.Configuration;
using Mage.Manifests;

namespace Mage.Functions.Endpoints.Configuration;

/// <summary>One configuration problem as the API shows it: <c>{ path, line, column, message, severity }</c>, like manifest errors.</summary>
/// <param name="Path">Where in the document, e.g. <c>model.Customer.fields.email.maxLength</c>.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
public sealed record ConfigurationDiagnosticView(string Path, int Line, int Column, string Message, string Severity)
{
    /// <summary>The view of a diagnostic.</summary>
    public static ConfigurationDiagnosticView Of(ConfigurationDiagnostic d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Path, d.Line, d.Column, d.Message, d.Severity == DiagnosticSeverity.Error ? "error" : "warning");
    }
}
