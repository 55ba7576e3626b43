namespace Mage.Builds.Artifacts;

/// <summary>Rules for user-given paths inside a workspace, and link-safe inspection of entries.</summary>
internal static class WorkspacePaths
{
    internal enum EntryKind
    {
        Missing,
        File,
        Directory,
        Link,
    }

    /// <summary>
    /// Splits a user path into segments, or says why it is not acceptable: it must be relative,
    /// without <c>..</c>, NUL or backslash; <c>.</c> and empty segments are dropped.
    /// </summary>
    internal static string? TrySplit(string path, out List<string> segments)
    {
        segments = [];
        if (string.IsNullOrWhiteSpace(path))
        {
            return "it is empty";
        }

        if (path.StartsWith('/'))
        {
            return "it must be a path relative to the workspace";
        }

        if (path.Contains('\0', StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
        {
            return "it contains a NUL or backslash character";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                return "it leads outside the workspace ('..')";
            }

            if (segment.Length > 0 && segment != ".")
            {
                segments.Add(segment);
            }
        }

        return segments.Count == 0 ? "it names the workspace itself" : null;
    }

    /// <summary>What is at <paramref name="path"/>, without following a link (lstat).</summary>
    internal static EntryKind Kind(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return EntryKind.Link;
        }

        if (!info.Exists && !Directory.Exists(path))
        {
            return EntryKind.Missing;
        }

        return info.Attributes.HasFlag(FileAttributes.Directory) ? EntryKind.Directory : EntryKind.File;
    }

    /// <summary>Why a link is refused: where it points decides the wording.</summary>
    internal static string LinkReason(string linkPath, string realWorkspace)
    {
        try
        {
            var target = File.ResolveLinkTarget(linkPath, returnFinalTarget: true)?.FullName;
            if (target is not null && IsUnder(target, realWorkspace))
            {
                return "it is a symbolic link";
            }
        }
        catch (IOException)
        {
            // A link loop or a dangling link: outside as far as we can tell.
        }

        return "it is a symbolic link that resolves outside the workspace";
    }

    internal static bool IsUnder(string path, string root) =>
        path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    /// <summary>The path with every symbolic link in it resolved (the workspace itself is trusted).</summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var result = "/";
        foreach (var segment in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(result, segment);
            var info = new FileInfo(next);
            result = info.LinkTarget is not null
                ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next
                : next;
        }

        return result;
    }
}
