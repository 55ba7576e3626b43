namespace Mage.CodeHosts;

/// <summary>Settings of the merge-request step (<c>Mage__MergeRequests__*</c>).</summary>
public sealed class MergeRequestOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Mage:MergeRequests";

    /// <summary>Address of this app as people reach it; the merge request links to <c>{PublicUrl}/api/builds/{id}</c>.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Author and committer name of Mage's commits.</summary>
    public string AuthorName { get; set; } = "Mage";

    /// <summary>Author and committer e-mail of Mage's commits.</summary>
    public string AuthorEmail { get; set; } = "mage@localhost";

    /// <summary>Longest a single git command of the git provider may run.</summary>
    public TimeSpan GitCommandTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times the GitLab client retries a 429 or 5xx answer (honouring <c>Retry-After</c>) before giving up.</summary>
    public int GitLabMaxRetries { get; set; } = 4;

    /// <summary>The longest single wait between GitLab retries; a larger <c>Retry-After</c> is a transient failure instead.</summary>
    public TimeSpan GitLabMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
}
