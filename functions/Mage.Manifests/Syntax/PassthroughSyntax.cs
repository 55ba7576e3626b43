namespace Mage.Manifests;

/// <summary>Reads an <c>objects</c> / <c>artifacts</c> item as djinn's <c>Passthrough.UnmarshalYAML</c> does.</summary>
internal static class PassthroughSyntax
{
    public static Passthrough Parse(string text)
    {
        // HEAD splits once on "=>" (v1.3.0 split on all and kept two parts; HEAD is the kinder reading).
        var arrow = text.IndexOf("=>", StringComparison.Ordinal);
        if (arrow < 0)
        {
            var source = text.Trim();
            return new Passthrough(source, BaseName(source));
        }

        return new Passthrough(text[..arrow].Trim(), text[(arrow + 2)..].Trim());
    }

    /// <summary>Go's <c>filepath.Base</c>: the last element, trailing slashes dropped; "." for empty, "/" for all slashes.</summary>
    public static string BaseName(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return "/";
        }

        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }
}
