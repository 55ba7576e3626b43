namespace Mage.CodeHosts.GitLab.Api;

/// <summary>The fields Mage reads of a commit (<c>GET /projects/:id/repository/commits</c>, <c>POST …/commits</c>).</summary>
/// <param name="Id">Full SHA.</param>
/// <param name="Message">Full message, trailers included.</param>
public sealed record GitLabCommit(string Id, string? Message);
