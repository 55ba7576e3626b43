namespace Mage.Testing.GitLab;

/// <summary>One request the fake GitLab received, as it arrived on the wire.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="RawTarget">Path and query exactly as sent (percent-encoding intact).</param>
/// <param name="PrivateToken">The <c>PRIVATE-TOKEN</c> header, or null.</param>
/// <param name="Authorization">The <c>Authorization</c> header, or null.</param>
/// <param name="ContentType">The <c>Content-Type</c> header, or null.</param>
/// <param name="Body">The body as text (empty when none).</param>
/// <param name="Status">The status the fake answered.</param>
/// <param name="At">When it arrived.</param>
public sealed record FakeGitLabRequest(string Method, string RawTarget, string? PrivateToken, string? Authorization, string? ContentType, string Body, int Status, DateTimeOffset At)
{
    /// <summary>The path without the query.</summary>
    public string Path => RawTarget.Split('?', 2)[0];
}
