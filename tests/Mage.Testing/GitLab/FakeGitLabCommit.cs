namespace Mage.Testing.GitLab;

/// <summary>A commit in the fake's repository: a full snapshot of the files.</summary>
/// <param name="Id">40 hex digits.</param>
/// <param name="Message">Full message.</param>
/// <param name="Files">Every file at this commit.</param>
/// <param name="Parent">Parent commit, or null.</param>
public sealed record FakeGitLabCommit(string Id, string Message, IReadOnlyDictionary<string, byte[]> Files, FakeGitLabCommit? Parent);
