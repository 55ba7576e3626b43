namespace Mage.Cli.Api;

/// <summary>A service as the API shows it (never a secret).</summary>
internal sealed record ServiceView(string Name, string? DisplayName, RepositoryView? Repository, DateTimeOffset? CreatedAt);
