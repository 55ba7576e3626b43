namespace Mage.Cli.Output;

/// <summary>One problem of <c>mage validate --json</c>, the same fields as the API's <c>errors[]</c> items.</summary>
internal sealed record ValidatedFileDiagnostic(string Path, int Line, int Column, string Severity, string Message);
