namespace Mage.Functions.Endpoints.Catalog;

/// <summary>A service's repository as the API shows it: <c>tokenSet</c> instead of the token.</summary>
/// <param name="Provider"><c>gitlab</c> or <c>git</c>.</param>
/// <param name="Url">Clone URL.</param>
/// <param name="Project">GitLab project, or null.</param>
/// <param name="TargetBranch">Target branch, or null.</param>
/// <param name="TokenSet">True when a token is stored.</param>
public sealed record RepositoryResponse(string Provider, string Url, string? Project, string? TargetBranch, bool TokenSet);
