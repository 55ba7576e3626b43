namespace Mage.Cli.Api;

/// <summary>The answer of <c>PUT /api/services/{service}/configuration</c>.</summary>
internal sealed record ConfigurationSaved(long Version, DateTimeOffset? SavedAt, string? Sha256);
