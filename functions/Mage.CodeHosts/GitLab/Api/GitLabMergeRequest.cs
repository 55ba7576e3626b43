namespace Mage.CodeHosts.GitLab.Api;

/// <summary>The fields Mage reads of a merge request.</summary>
/// <param name="Iid">Project-scoped number.</param>
/// <param name="WebUrl">Web address.</param>
/// <param name="State"><c>opened</c>, <c>closed</c>, <c>locked</c> or <c>merged</c>.</param>
/// <param name="SourceBranch">Source branch.</param>
/// <param name="TargetBranch">Target branch.</param>
public sealed record GitLabMergeRequest(long Iid, string WebUrl, string? State, string? SourceBranch, string? TargetBranch);
