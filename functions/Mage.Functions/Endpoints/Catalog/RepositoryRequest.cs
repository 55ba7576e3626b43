namespace Mage.Functions.Endpoints.Catalog;

/// <summary>The <c>repository</c> of <see cref="ServiceRequest"/>.</summary>
/// <param name="Provider"><c>gitlab</c> or <c>git</c>.</param>
/// <param name="Url">Clone URL.</param>
/// <param name="Project">GitLab project (optional).</param>
/// <param name="TargetBranch">Target branch of merge requests (optional).</param>
/// <param name="Token">Write-only: left out keeps the stored token, <c>""</c> clears it.</param>
public sealed record RepositoryRequest(string? Provider, string? Url, string? Project, string? TargetBranch, string? Token)
{
    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"RepositoryRequest {{ Provider = {Provider}, Url = {Url}, Project = {Project}, TargetBranch = {TargetBranch}, Token = {(Token is null ? "(keep)" : "***")} }}";
}
