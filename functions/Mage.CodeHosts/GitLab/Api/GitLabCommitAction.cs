namespace Mage.CodeHosts.GitLab.Api;

/// <summary>One entry of <c>actions[]</c> in <c>POST /projects/:id/repository/commits</c>.</summary>
/// <param name="Action"><c>create</c>, <c>update</c> or <c>delete</c>.</param>
/// <param name="FilePath">Path from the repository root.</param>
/// <param name="Content">Base64 content; null for delete.</param>
/// <param name="Encoding"><c>base64</c> with content, null for delete.</param>
public sealed record GitLabCommitAction(string Action, string FilePath, string? Content, string? Encoding)
{
    /// <summary>A create or update with binary-safe base64 content.</summary>
    public static GitLabCommitAction Write(string action, string path, byte[] content) => new(action, path, Convert.ToBase64String(content), "base64");

    /// <summary>A delete.</summary>
    public static GitLabCommitAction Delete(string path) => new("delete", path, null, null);
}
