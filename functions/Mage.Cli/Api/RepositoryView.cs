namespace Mage.Cli.Api;

/// <summary>A service's repository: <see cref="TokenSet"/> stands for the write-only token.</summary>
internal sealed record RepositoryView(string? Provider, string? Url, string? Project, string? TargetBranch, bool TokenSet);
