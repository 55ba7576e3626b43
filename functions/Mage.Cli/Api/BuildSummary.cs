namespace Mage.Cli.Api;

/// <summary>One line of <c>GET /api/services/{service}/builds</c>.</summary>
internal sealed record BuildSummary(
    string Id, long Number, string Service, string Tag, string? Comment, string Status, string? MageStatus,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error);
