namespace Mage.CodeHosts.GitLab.Api;

/// <summary>Body of <c>POST /projects/:id/merge_requests</c> (all fields) and <c>PUT …/merge_requests/:iid</c> (title and description only).</summary>
/// <param name="SourceBranch">Source branch; null on update.</param>
/// <param name="TargetBranch">Target branch; null on update.</param>
/// <param name="Title">Title.</param>
/// <param name="Description">Description (Markdown, at most 1,048,576 characters).</param>
public sealed record GitLabMergeRequestWrite(string? SourceBranch, string? TargetBranch, string Title, string Description);
