namespace Mage.Cli.Api;

/// <summary>One item of a problem's <c>errors</c> list (api.md: <c>{ path, line, column, message }</c>, plus <c>severity</c> where the API sends it).</summary>
/// <param name="Path">Where in the document, e.g. <c>jobs[2].stage</c>; may be empty.</param>
/// <param name="Line">1-based line, or null/0 when the problem is not in a document (e.g. the tag).</param>
/// <param name="Column">1-based column.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>; null is read as <c>error</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
internal sealed record ApiProblemItem(string? Path, int? Line, int? Column, string? Severity, string? Message);
