namespace Mage.Testing.GitLab;

/// <summary>An error the fake answers instead of the real thing, for the next <see cref="Times"/> requests that match.</summary>
/// <param name="Method">HTTP method to match.</param>
/// <param name="PathContains">Text the raw path must contain (for example <c>/repository/commits</c>).</param>
/// <param name="Status">Status to answer.</param>
/// <param name="Body">JSON (or text) body, as GitLab documents it for that status.</param>
/// <param name="RetryAfter">Value of <c>Retry-After</c>, or null.</param>
/// <param name="Times">How many matching requests get the fault.</param>
public sealed record FakeGitLabFault(string Method, string PathContains, int Status, string Body, string? RetryAfter = null, int Times = 1)
{
    /// <summary>Value of <c>Location</c> (for redirects), or null.</summary>
    public string? Location { get; init; }
}
