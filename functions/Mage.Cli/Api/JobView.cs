namespace Mage.Cli.Api;

/// <summary>A job of a build view.</summary>
internal sealed record JobView(string Name, string Status, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int? ExitCode, IReadOnlyList<ArtifactView>? Artifacts);
