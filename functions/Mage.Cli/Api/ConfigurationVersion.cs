namespace Mage.Cli.Api;

/// <summary>One item of <c>GET /api/services/{service}/configuration/versions</c>.</summary>
internal sealed record ConfigurationVersion(long Version, DateTimeOffset SavedAt, string Sha256, long Size, string Format);
