namespace Mage.Cli.Api;

/// <summary>A page of builds, newest first.</summary>
internal sealed record BuildPage(IReadOnlyList<BuildSummary> Items, string? ContinuationToken);
