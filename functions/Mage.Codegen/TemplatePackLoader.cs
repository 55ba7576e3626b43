using System.Text;
using System.Text.RegularExpressions;
using Scriban;

namespace Mage.Codegen;

/// <summary>
/// Loads a pack from a folder: <c>pack.yaml</c>, <c>templates/**</c> (files ending in <c>.scriban</c>
/// are Scriban templates, others copied), <c>partials/**.scriban</c> (what <c>include</c> reaches).
/// Every template, partial and path is parsed here, so a broken pack fails before anything is
/// written, with every problem and its line and column.
/// Thread-safe (no state).
/// </summary>
public static partial class TemplatePackLoader
{
    /// <summary>Folder of templates inside a pack.</summary>
    public const string TemplatesFolder = "templates";

    /// <summary>Folder of partials inside a pack.</summary>
    public const string PartialsFolder = "partials";

    /// <summary>Suffix of files rendered as templates.</summary>
    public const string TemplateSuffix = ".scriban";

    /// <summary>Most files in a pack.</summary>
    public const int MaxFiles = 2000;

    /// <summary>Largest single file in a pack.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Loads and compiles the pack in <paramref name="root"/>.</summary>
    /// <param name="root">The pack folder (holds <c>pack.yaml</c>).</param>
    /// <param name="origin">Where the folder came from, for messages.</param>
    /// <exception cref="TemplatePackException">Anything is wrong with the pack; every problem is listed.</exception>
    public static TemplatePack Load(string root, string origin)
    {
        ArgumentNullException.ThrowIfNull(root);
        var problems = new List<PackProblem>();
        var manifestPath = Path.Combine(root, TemplatePackManifestReader.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new TemplatePackException(origin, new PackProblem(TemplatePackManifestReader.FileName, 0,
                $"the pack has no pack.yaml at its root ({origin}); a pack is a folder with pack.yaml and a templates/ folder"));
        }

        var manifest = TemplatePackManifestReader.Read(ReadText(manifestPath), problems);
        var name = manifest?.Name ?? origin;
        var files = ListFiles(root, problems);
        var partials = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var partial in files.Where(f => f.StartsWith(PartialsFolder + "/", StringComparison.Ordinal) && f.EndsWith(TemplateSuffix, StringComparison.Ordinal)))
        {
            var source = ReadText(Path.Combine(root, partial));
            problems.AddRange(TemplateProblems.Parse(partial, Template.Parse(source, partial).Messages));
            partials[partial] = source;
        }

        var templates = new List<PackTemplate>();
        foreach (var file in files.Where(f => f.StartsWith(TemplatesFolder + "/", StringComparison.Ordinal)))
        {
            if (Parse(root, file, problems) is { } template)
            {
                templates.Add(template);
            }
        }

        if (templates.Count == 0 && problems.Count == 0)
        {
            problems.Add(new PackProblem(TemplatesFolder + "/", 0, "the pack has no templates; put the files to generate under templates/"));
        }

        if (problems.Count > 0 || manifest is null)
        {
            throw new TemplatePackException(name, problems);
        }

        return new TemplatePack(manifest, origin, templates, partials);
    }

    private static PackTemplate? Parse(string root, string file, List<PackProblem> problems)
    {
        var relative = file[(TemplatesFolder.Length + 1)..];
        var isTemplate = relative.EndsWith(TemplateSuffix, StringComparison.Ordinal);
        var pathTemplate = isTemplate ? relative[..^TemplateSuffix.Length] : relative;
        var path = Template.Parse(pathTemplate, file);
        if (path.HasErrors)
        {
            problems.AddRange(TemplateProblems.Parse(file, path.Messages).Select(p => p with
            {
                Line = 0,
                Column = 0,
                Message = $"the file name is not a valid path template (at character {p.Column} of {pathTemplate}): {p.Message}",
            }));
            return null;
        }

        var perEntity = EntityReference().IsMatch(pathTemplate);
        if (!isTemplate)
        {
            return new PackTemplate(file, pathTemplate, perEntity, path, null, File.ReadAllBytes(Path.Combine(root, file)));
        }

        var body = Template.Parse(ReadText(Path.Combine(root, file)), file);
        if (body.HasErrors)
        {
            problems.AddRange(TemplateProblems.Parse(file, body.Messages));
            return null;
        }

        return new PackTemplate(file, pathTemplate, perEntity, path, body, null);
    }

    /// <summary>Every regular file under <paramref name="root"/> as a <c>/</c>-separated relative path, sorted ordinally; links and oversized files are problems.</summary>
    private static List<string> ListFiles(string root, List<PackProblem> problems)
    {
        var files = new List<string>();
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var entry in directory.EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                if (entry.Name == ".git")
                {
                    continue;
                }

                if (entry.LinkTarget is not null)
                {
                    problems.Add(new PackProblem(relative, 0, "symbolic links are not allowed in a pack; replace the link with the file"));
                }
                else if (entry is DirectoryInfo child)
                {
                    pending.Push(child);
                }
                else if (entry is FileInfo file && file.Length > MaxFileBytes)
                {
                    problems.Add(new PackProblem(relative, 0, $"the file is larger than {MaxFileBytes} bytes"));
                }
                else
                {
                    files.Add(relative);
                }
            }
        }

        if (files.Count > MaxFiles)
        {
            problems.Add(new PackProblem(string.Empty, 0, $"the pack has {files.Count} files; at most {MaxFiles} are allowed"));
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>UTF-8 text without a byte order mark and with <c>\n</c> line endings, so output and line numbers are the same everywhere.</summary>
    internal static string ReadText(string path) =>
        new UTF8Encoding(false).GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF').ReplaceLineEndings("\n");

    [GeneratedRegex(@"\{\{[^}]*\bentity\b[^}]*\}\}")]
    private static partial Regex EntityReference();
}
