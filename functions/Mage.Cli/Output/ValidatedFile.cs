namespace Mage.Cli.Output;

/// <summary>One file of <c>mage validate --json</c>: <c>{ file, valid, error, diagnostics: [{ path, line, column, severity, message }] }</c>.</summary>
/// <param name="File">The path as given.</param>
/// <param name="Valid">True when it has no errors (warnings allowed).</param>
/// <param name="Error">Why the file could not be read, or null.</param>
/// <param name="Diagnostics">Every problem, in document order.</param>
internal sealed record ValidatedFile(string File, bool Valid, string? Error, IReadOnlyList<ValidatedFileDiagnostic> Diagnostics);
