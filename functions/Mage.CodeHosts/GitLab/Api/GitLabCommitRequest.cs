namespace Mage.CodeHosts.GitLab.Api;

/// <summary>Body of <c>POST /projects/:id/repository/commits</c>.</summary>
/// <param name="Branch">Branch to commit to.</param>
/// <param name="CommitMessage">Message, trailer included.</param>
/// <param name="Actions">What to change.</param>
/// <param name="StartBranch">Branch to start from when <paramref name="Branch"/> does not exist yet; null otherwise.</param>
/// <param name="AuthorName">Author name.</param>
/// <param name="AuthorEmail">Author e-mail.</param>
public sealed record GitLabCommitRequest(string Branch, string CommitMessage, IReadOnlyList<GitLabCommitAction> Actions, string? StartBranch, string AuthorName, string AuthorEmail);
