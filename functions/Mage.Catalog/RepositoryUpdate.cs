namespace Mage.Catalog;

/// <summary>The repository part of a service create or update.</summary>
/// <param name="Provider"><c>gitlab</c> or <c>git</c>.</param>
/// <param name="Url">Clone URL: http(s) for gitlab; http(s), ssh, git, file or scp-like <c>user@host:path</c> for git.</param>
/// <param name="Project">GitLab project path or id (optional).</param>
/// <param name="TargetBranch">Branch merge requests target (optional).</param>
/// <param name="Token">Write-only access token: null keeps the stored one, empty clears it, anything else replaces it.</param>
public sealed record RepositoryUpdate(string? Provider, string? Url, string? Project, string? TargetBranch, string? Token)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"RepositoryUpdate {{ Provider = {Provider}, Url = {Url}, Project = {Project}, TargetBranch = {TargetBranch}, Token = {(Token is null ? "(keep)" : "***")} }}";
}
