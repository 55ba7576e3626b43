namespace Mage.Manifests;

/// <summary>Reads a <c>sources</c> string exactly as djinn's <c>Source.UnmarshalYAML</c> does.</summary>
internal static class SourceSyntax
{
    public static ManifestSource Parse(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var url = space < 0 ? trimmed : trimmed[..space];
        // djinn removes every space from the rest, so neither ref nor dir can hold one.
        var rest = space < 0 ? string.Empty : trimmed[(space + 1)..].Replace(" ", string.Empty, StringComparison.Ordinal);

        string? gitRef = null;
        var directory = DefaultDirectory(url);
        var arrow = rest.IndexOf("=>", StringComparison.Ordinal);
        if (arrow >= 0)
        {
            directory = rest[(arrow + 2)..];
            gitRef = arrow > 0 ? rest[..arrow] : null;
        }
        else if (rest.Length > 0)
        {
            gitRef = rest;
        }

        return new ManifestSource(url, gitRef, directory);
    }

    /// <summary>The last <c>/</c> segment of the URL without a trailing <c>.git</c>.</summary>
    public static string DefaultDirectory(string url)
    {
        var segment = url[(url.LastIndexOf('/') + 1)..];
        return segment.EndsWith(".git", StringComparison.Ordinal) ? segment[..^4] : segment;
    }

    /// <summary>Writes a source back in its string form, as djinn's <c>MarshalYAML</c> does.</summary>
    public static string Format(string url, string? gitRef, string? directory)
    {
        var text = url;
        if (!string.IsNullOrEmpty(gitRef))
        {
            text += " " + gitRef;
        }

        if (!string.IsNullOrEmpty(directory) && directory != DefaultDirectory(url))
        {
            text += " => " + directory;
        }

        return text;
    }
}
