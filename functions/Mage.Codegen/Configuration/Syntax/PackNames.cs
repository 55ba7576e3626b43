using System.Text.RegularExpressions;

namespace Mage.Codegen.Configuration;

/// <summary>Rules of pack references: built-in names, git URLs and refs. Pure.</summary>
internal static partial class PackNames
{
    public static bool IsValidBuiltInName(string name) => BuiltInName().IsMatch(name);

    /// <summary>Why <paramref name="url"/> cannot be cloned, or null. Accepts http(s), ssh, git and file URLs and scp-like <c>user@host:path</c>.</summary>
    public static string? GitUrlProblem(string url)
    {
        if (url.Length == 0 || url.Any(char.IsWhiteSpace) || url.StartsWith('-'))
        {
            return $"pack.git \"{Catalog.CatalogNames.Shorten(url)}\" is not a repository URL; write e.g. https://gitlab.example.com/group/packs.git";
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ssh" or "git" or "file")
        {
            // Credentials in the URL would be stored and shown with the configuration.
            return uri.UserInfo.Contains(':', StringComparison.Ordinal)
                ? "pack.git carries a password in the URL; configurations are stored and shown as text, so use a URL without credentials"
                : null;
        }

        return ScpLike().IsMatch(url)
            ? null
            : $"pack.git \"{Catalog.CatalogNames.Shorten(url)}\" is not a repository URL (http, https, ssh, git or file, or user@host:path)";
    }

    /// <summary>Why <paramref name="gitRef"/> is not a usable ref, or null.</summary>
    public static string? GitRefProblem(string gitRef) =>
        gitRef.Length == 0 || gitRef.StartsWith('-') || gitRef.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || gitRef.Contains("..", StringComparison.Ordinal)
            ? $"pack.ref \"{Catalog.CatalogNames.Shorten(gitRef)}\" is not a branch, tag or commit name"
            : null;

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex BuiltInName();

    [GeneratedRegex(@"\A[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex ScpLike();
}
