namespace Mage.Catalog;

/// <summary>A service's repository as read back: the token is reduced to whether one is stored.</summary>
/// <param name="Provider"><c>gitlab</c> or <c>git</c>.</param>
/// <param name="Url">Clone URL.</param>
/// <param name="Project">GitLab project (optional).</param>
/// <param name="TargetBranch">Target branch (optional).</param>
/// <param name="TokenSet">True when a token is stored.</param>
public sealed record RepositoryRecord(string Provider, string Url, string? Project, string? TargetBranch, bool TokenSet);
