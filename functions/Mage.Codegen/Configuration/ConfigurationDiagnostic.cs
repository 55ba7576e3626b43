using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>One problem found in a service configuration, located like a compiler message.</summary>
/// <param name="Path">Where in the document, e.g. <c>model.Customer.fields.email.maxLength</c> (list indices count from 0); empty for the whole document.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Severity">Error (refused) or warning (saved).</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
public sealed record ConfigurationDiagnostic(string Path, int Line, int Column, DiagnosticSeverity Severity, string Message)
{
    // The YAML loader and the node reader are shared with manifests and report in their type;
    // the fields are the same, only the name says which document it is about.
    internal static ConfigurationDiagnostic From(ManifestDiagnostic diagnostic) =>
        new(diagnostic.Path, diagnostic.Line, diagnostic.Column, diagnostic.Severity, diagnostic.Message);

    /// <summary>Formats as <c>LINE:COL: error: message</c>, the tail of a compiler line.</summary>
    public override string ToString() =>
        $"{Line}:{Column}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
