namespace Mage.Manifests;

/// <summary>Reads manifest YAML into a <see cref="ParseResult"/>. Pure: no I/O.</summary>
public static class ManifestParser
{
    /// <summary>
    /// Parses <paramref name="yaml"/> within <paramref name="limits"/>. Never throws on bad input:
    /// syntax errors, limits and shape problems come back as diagnostics.
    /// </summary>
    public static ParseResult Parse(string yaml, ManifestLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var (root, error) = YamlTreeLoader.Load(yaml, limits ?? ManifestLimits.Default);
        if (error is not null)
        {
            return new ParseResult(null, null, [error], new Dictionary<string, SourcePosition>(), []);
        }

        var reader = new ManifestReader();
        var manifest = reader.Read(root);
        return new ParseResult(root, manifest, reader.Diagnostics, reader.Positions, reader.JobPaths);
    }
}
