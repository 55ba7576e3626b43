namespace Mage.CodeHosts.GitLab.Api;

/// <summary>The fields Mage reads of <c>GET /projects/:id</c>.</summary>
/// <param name="Id">Numeric id.</param>
/// <param name="DefaultBranch">Default branch; null for an empty repository.</param>
/// <param name="WebUrl">Web address.</param>
public sealed record GitLabProject(long Id, string? DefaultBranch, string? WebUrl);
