namespace Mage.CodeHosts.GitLab.Api;

/// <summary>One entry of <c>GET /projects/:id/repository/tree</c>.</summary>
/// <param name="Id">Git object id (for a blob: SHA-1 of <c>blob &lt;size&gt;\0&lt;content&gt;</c>).</param>
/// <param name="Type"><c>blob</c>, <c>tree</c> or <c>commit</c> (submodule).</param>
/// <param name="Path">Path from the repository root.</param>
public sealed record GitLabTreeEntry(string Id, string Type, string Path);
