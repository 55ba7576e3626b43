namespace Mage.Manifests;

/// <summary>
/// Destinations (object paths, artifact names, clone directories) must stay inside the
/// workspace or the artifact store: no absolute paths, no climbing out with <c>..</c>.
/// </summary>
internal static class RelativePaths
{
    /// <summary>Why <paramref name="path"/> is not a safe relative path, or null when it is.</summary>
    public static string? Problem(string path)
    {
        if (path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && path[1] == ':'))
        {
            return "is absolute; write a relative path";
        }

        return path.Split('/', '\\').Contains("..")
            ? "climbs out with \"..\"; write a path that stays inside"
            : null;
    }
}
