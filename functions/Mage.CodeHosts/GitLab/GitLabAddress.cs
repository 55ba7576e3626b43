using System.Text.RegularExpressions;

namespace Mage.CodeHosts.GitLab;

/// <summary>
/// Where a GitLab project's REST v4 API is: <see cref="ApiRoot"/> (<c>https://host[/prefix]/api/v4/</c>)
/// and the project id for paths (<see cref="EncodedProject"/>: numeric, or the path with
/// <c>/</c> encoded as <c>%2F</c>). Immutable.
/// </summary>
/// <remarks>
/// Derived from the repository settings: the host (and port) of the clone URL; the project from
/// <c>repository.project</c>, or else from the URL's path without <c>.git</c>. When the URL's path
/// ends with the project path, what comes before it is the instance's relative URL root
/// (self-hosted GitLab under <c>/gitlab</c>). ssh URLs (<c>git@host:group/p.git</c>,
/// <c>ssh://git@host/group/p.git</c>) address the API over https on the same host.
/// </remarks>
public sealed partial record GitLabAddress(Uri ApiRoot, string Project)
{
    /// <summary>The project id as a path segment: numeric ids as they are, paths URL-encoded.</summary>
    public string EncodedProject => Uri.EscapeDataString(Project);

    /// <summary>Parses the repository settings.</summary>
    /// <exception cref="CodeHostException">The URL is not one GitLab could serve, or no project can be derived.</exception>
    public static GitLabAddress Parse(string url, string? project)
    {
        var trimmed = url.Trim();
        Uri? uri;
        if (ScpLike().Match(trimmed) is { Success: true } scp)
        {
            uri = new Uri($"https://{scp.Groups["host"].Value}/{scp.Groups["path"].Value}");
        }
        else if (!Uri.TryCreate(trimmed, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https" or "ssh"))
        {
            throw new CodeHostException($"repository.url '{Safe(trimmed)}' is not a GitLab address; use https://host/group/project(.git) or git@host:group/project.git");
        }

        var scheme = uri.Scheme == "ssh" ? "https" : uri.Scheme;
        var port = uri.Scheme == "ssh" || uri.IsDefaultPort ? "" : $":{uri.Port}";
        var path = Uri.UnescapeDataString(uri.AbsolutePath).Trim('/');
        if (path.EndsWith(".git", StringComparison.Ordinal))
        {
            path = path[..^4];
        }

        var name = string.IsNullOrWhiteSpace(project) ? path : project.Trim().Trim('/');
        if (name.Length == 0)
        {
            throw new CodeHostException($"no GitLab project: repository.url '{Safe(trimmed)}' has no path and repository.project is empty; set repository.project to the project's id or path (group/project)");
        }

        var prefix = path.EndsWith(name, StringComparison.Ordinal) && (path.Length == name.Length || path[^(name.Length + 1)] == '/')
            ? path[..^name.Length].Trim('/')
            : "";
        var root = $"{scheme}://{uri.Host}{port}/{(prefix.Length > 0 ? prefix + "/" : "")}api/v4/";
        return new GitLabAddress(new Uri(root), name);
    }

    /// <summary>The URL without user information, for messages.</summary>
    private static string Safe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri
            : url;

    [GeneratedRegex(@"^(?:[^@/\s]+@)?(?<host>[A-Za-z0-9.-]+):(?!//)(?<path>[^\s]+)$")]
    private static partial Regex ScpLike();
}
