using System.Text;
using System.Text.Json;
using Mage.Codegen;

namespace Mage.CodeHosts;

/// <summary>
/// The file <see cref="Path"/> that Mage keeps in the published branch: which build wrote it and
/// every path it generated. The next publish deletes the paths listed here that the new build no
/// longer generates, and leaves every other file of the repository alone (hand-written files are
/// never deleted). Pure; thread-safe.
/// </summary>
public static class GeneratedFilesIndex
{
    /// <summary>Where the index lives in the repository.</summary>
    public const string Path = ".mage/generated.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// The index content for <paramref name="files"/> written by <paramref name="buildId"/>: paths sorted
    /// ordinally, so it is byte-identical for the same input and changes with every build (the build id).
    /// </summary>
    public static byte[] Serialize(string buildId, IEnumerable<GeneratedFile> files)
    {
        var paths = files.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
        var text = JsonSerializer.Serialize(new IndexDocument(buildId, paths), Json) + "\n";
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The paths listed in an index; an absent, empty or unreadable index lists none (nothing gets deleted).</summary>
    public static IReadOnlyList<string> ParsePaths(byte[]? content)
    {
        if (content is null || content.Length == 0)
        {
            return [];
        }

        try
        {
            var document = JsonSerializer.Deserialize<IndexDocument>(content, Json);
            return document?.Files?.Where(p => Problem(p) is null).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Paths of <paramref name="previous"/> that <paramref name="current"/> no longer holds, sorted.</summary>
    public static IReadOnlyList<string> Stale(IEnumerable<string> previous, IEnumerable<GeneratedFile> current)
    {
        var now = current.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return previous.Where(p => !now.Contains(p) && p != Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Checks every path before anything is published.</summary>
    /// <exception cref="CodeHostException">A path is not a plain relative path, names the index, lies under <c>.git</c>, or appears twice.</exception>
    public static void Validate(IReadOnlyList<GeneratedFile> files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (Problem(file.Path) is { } problem)
            {
                throw new CodeHostException($"generated file '{file.Path}' cannot be published: {problem}");
            }

            if (!seen.Add(file.Path))
            {
                throw new CodeHostException($"generated file '{file.Path}' appears twice");
            }
        }
    }

    /// <summary>Why <paramref name="path"/> may not be written by a publish, or null.</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith('/') || path.EndsWith('/'))
        {
            return "it must be a relative file path";
        }

        if (path.Any(c => c == '\\' || char.IsControl(c)))
        {
            return "it contains a backslash or a control character";
        }

        var segments = path.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            return "it has an empty, '.' or '..' segment";
        }

        if (segments.Any(s => s.Equals(".git", StringComparison.OrdinalIgnoreCase)))
        {
            return "it lies inside .git";
        }

        return path == Path ? $"{Path} is Mage's own index" : null;
    }

    private sealed record IndexDocument(string Build, List<string> Files);
}
