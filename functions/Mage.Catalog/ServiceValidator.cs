using System.Text.RegularExpressions;

namespace Mage.Catalog;

/// <summary>
/// Validates a service create or update and reports every problem at once, each with the
/// path of its field. Pure and thread-safe; messages never quote the token.
/// </summary>
public static partial class ServiceValidator
{
    /// <summary>Providers accepted in <c>repository.provider</c>.</summary>
    public static readonly IReadOnlyList<string> Providers = ["gitlab", "git"];

    /// <summary>Longest display name.</summary>
    public const int MaxDisplayNameLength = 200;

    /// <summary>Longest URL.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Longest default manifest, in characters (a table property holds 64 KiB of UTF-16).</summary>
    public const int MaxManifestLength = 30_000;

    /// <summary>Longest token.</summary>
    public const int MaxTokenLength = 4096;

    /// <summary>All problems of <paramref name="update"/> for service <paramref name="name"/>; empty when valid.</summary>
    public static IReadOnlyList<CatalogValidationError> Validate(string name, ServiceUpdate? update)
    {
        var errors = new List<CatalogValidationError>();
        if (!CatalogNames.IsValidServiceName(name))
        {
            errors.Add(new("name", CatalogNames.ServiceNameProblem(name)));
        }

        if (update is null)
        {
            errors.Add(new("", "A JSON body is required: { \"displayName\", \"repository\": { \"provider\", \"url\", \"project\", \"targetBranch\", \"token\" }, \"defaultManifest\" }."));
            return errors;
        }

        if (update.DisplayName is { } displayName && (displayName.Length > MaxDisplayNameLength || displayName.Any(char.IsControl)))
        {
            errors.Add(new("displayName", $"displayName must be at most {MaxDisplayNameLength} characters without control characters."));
        }

        if (update.DefaultManifest is { Length: > MaxManifestLength })
        {
            errors.Add(new("defaultManifest", $"defaultManifest is {update.DefaultManifest.Length} characters; the limit is {MaxManifestLength}."));
        }

        if (update.Repository is { } repository)
        {
            ValidateRepository(repository, errors);
        }

        return errors;
    }

    private static void ValidateRepository(RepositoryUpdate repository, List<CatalogValidationError> errors)
    {
        var provider = repository.Provider;
        if (string.IsNullOrEmpty(provider))
        {
            errors.Add(new("repository.provider", "repository.provider is required: one of gitlab, git."));
        }
        else if (!Providers.Contains(provider))
        {
            errors.Add(new("repository.provider", $"repository.provider '{CatalogNames.Shorten(provider)}' is not known: use one of gitlab, git."));
            provider = null;
        }

        if (string.IsNullOrWhiteSpace(repository.Url))
        {
            errors.Add(new("repository.url", "repository.url is required."));
        }
        else if (UrlProblem(repository.Url, provider) is { } problem)
        {
            errors.Add(new("repository.url", problem));
        }

        if (repository.Project is { } project && (project.Length is 0 or > 255 || project.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            errors.Add(new("repository.project", "repository.project must be a GitLab project path (group/name) or numeric id: 1-255 characters without spaces."));
        }

        if (repository.TargetBranch is { } branch && !IsValidBranch(branch))
        {
            errors.Add(new("repository.targetBranch", $"repository.targetBranch '{CatalogNames.Shorten(branch)}' is not a valid branch name (no spaces, '..', '~', '^', ':', '?', '*', '[', '\\', and not starting with '-' or '/')."));
        }

        if (repository.Token is { Length: > MaxTokenLength })
        {
            errors.Add(new("repository.token", $"repository.token is longer than {MaxTokenLength} characters."));
        }
    }

    private static string? UrlProblem(string url, string? provider)
    {
        if (url.Length > MaxUrlLength)
        {
            return $"repository.url is longer than {MaxUrlLength} characters.";
        }

        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "repository.url must not contain spaces or control characters.";
        }

        var gitlab = provider == "gitlab";
        var expected = gitlab
            ? "an absolute http or https URL, e.g. https://gitlab.example.com/group/project.git"
            : "an absolute http, https, ssh, git or file URL, or scp-like user@host:path (e.g. git@gitlab.com:group/project.git)";
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && url.Contains("://", StringComparison.Ordinal))
        {
            var allowed = gitlab ? uri.Scheme is "http" or "https" : uri.Scheme is "http" or "https" or "ssh" or "git" or "file";
            if (!allowed)
            {
                return $"repository.url has scheme '{CatalogNames.Shorten(uri.Scheme)}'; it must be {expected}.";
            }

            if (uri.Scheme != "file" && string.IsNullOrEmpty(uri.Host))
            {
                return $"repository.url has no host; it must be {expected}.";
            }

            if (uri.Scheme is "http" or "https" && uri.UserInfo.Contains(':', StringComparison.Ordinal))
            {
                // Credentials in a URL end up in logs and clone output; the token has its own write-only field.
                return "repository.url must not contain a password; put credentials in repository.token.";
            }

            return null;
        }

        if (!gitlab && ScpLike().IsMatch(url))
        {
            return null;
        }

        return $"repository.url is not valid; it must be {expected}.";
    }

    private static bool IsValidBranch(string branch) =>
        branch.Length is > 0 and <= 255
        && !branch.StartsWith('-') && !branch.StartsWith('/') && !branch.EndsWith('/') && !branch.EndsWith('.')
        && !branch.Contains("..", StringComparison.Ordinal) && !branch.Contains("@{", StringComparison.Ordinal)
        && !branch.EndsWith(".lock", StringComparison.Ordinal)
        && !branch.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '~' or '^' or ':' or '?' or '*' or '[' or '\\');

    // user@host:path, the form git accepts for ssh; the path must not start with '-' (option injection).
    [GeneratedRegex(@"\A[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!-)[^\s:][^\s]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ScpLike();
}
