using Mage.Codegen;

namespace Mage.CodeHosts;

/// <summary>What one build publishes.</summary>
/// <param name="BuildId">The build; its id goes into the commit's <see cref="MageCommit.Trailer"/>.</param>
/// <param name="Branch">Source branch, <c>mage/&lt;tag&gt;</c>.</param>
/// <param name="Files">Every file the build generated (the whole tree, not a diff).</param>
/// <param name="CommitMessage">Commit message without the trailer (added by the host).</param>
/// <param name="Title">Merge request title.</param>
/// <param name="Description">Merge request description (Markdown).</param>
public sealed record MergeRequestChange(string BuildId, string Branch, IReadOnlyList<GeneratedFile> Files, string CommitMessage, string Title, string Description);
