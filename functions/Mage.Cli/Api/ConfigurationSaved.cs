namespace Mage.Cli.Api;

/// <summary>The answer of <c>PUT /api/services/{service}/configuration</c>: the new version and the warnings it was saved with.</summary>
internal sealed record ConfigurationSaved(long Version, DateTimeOffset? SavedAt, string? Sha256, IReadOnlyList<ApiProblemItem>? Warnings);
