using System.Text;
using HandlebarsDotNet;
using Mage.Builds.Codegen.Model;

namespace Mage.Builds.Codegen;

/// <summary>
/// Renders a pack for one service into files. Deterministic: the same pack and model give the
/// same files, byte for byte (UTF-8 without BOM, <c>\n</c> line endings, files sorted by path,
/// nothing taken from the clock or the machine). Thread-safe (no state).
/// </summary>
/// <remarks>
/// Rules (docs/template-packs.md): a template whose path mentions <c>entity</c> is rendered once
/// per entity with <c>entity</c> bound to it; a template that renders to whitespace only produces
/// no file (how a pack leaves out a spell's files); a rendered path must stay inside the tree.
/// </remarks>
public static class TemplateRenderer
{
    /// <summary>Checks that <paramref name="pack"/> can generate <paramref name="service"/>, then renders it.</summary>
    /// <exception cref="TemplatePackException">The pack does not support the configuration, or a template fails; the message names the file and line.</exception>
    /// <exception cref="ArgumentException">The service description is unusable (see <see cref="TemplateModel.Build"/>).</exception>
    public static IReadOnlyList<GeneratedFile> Render(TemplatePack pack, CodegenService service)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(service);
        var unsupported = Compatibility(pack.Manifest, service);
        if (unsupported.Count > 0)
        {
            throw new TemplatePackException(pack.Manifest.Name, unsupported);
        }

        return Render(pack, TemplateModel.Build(service));
    }

    /// <summary>Renders <paramref name="pack"/> with a prepared model (no compatibility check).</summary>
    public static IReadOnlyList<GeneratedFile> Render(TemplatePack pack, IReadOnlyDictionary<string, object?> model)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<PackProblem>();
        var files = new SortedDictionary<string, (GeneratedFile File, string Source)>(StringComparer.Ordinal);
        var entities = model.TryGetValue("entities", out var list) && list is IEnumerable<object?> items ? items.ToList() : [];
        foreach (var template in pack.Templates)
        {
            var contexts = template.PerEntity
                ? entities.Select(entity => (object)new Dictionary<string, object?>(model, StringComparer.Ordinal) { ["entity"] = entity })
                : [model];
            foreach (var context in contexts)
            {
                if (RenderOne(template, context, problems) is not { } file)
                {
                    continue;
                }

                if (files.TryGetValue(file.Path, out var earlier))
                {
                    problems.Add(new PackProblem(template.SourcePath, 0, $"renders to {file.Path}, which {earlier.Source} also renders to; make the paths differ"));
                    continue;
                }

                files[file.Path] = (file, template.SourcePath);
            }
        }

        if (problems.Count > 0)
        {
            throw new TemplatePackException(pack.Manifest.Name, problems);
        }

        return [.. files.Values.Select(v => v.File)];
    }

    /// <summary>What keeps <paramref name="manifest"/>'s pack from generating <paramref name="service"/>; empty when it can.</summary>
    public static List<PackProblem> Compatibility(TemplatePackManifest manifest, CodegenService service)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(service);
        var problems = new List<PackProblem>();
        foreach (var spell in service.Spells.Select(s => s.Name).Where(s => !manifest.Supports.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            problems.Add(new PackProblem(TemplatePackManifestReader.FileName, 0,
                $"the configuration switches on spell {spell}, which this pack does not support (it supports: {(manifest.Supports.Count == 0 ? "none" : string.Join(", ", manifest.Supports))}); switch it off or choose another pack"));
        }

        if (manifest.Requires.Contains(PackFeatures.Entities, StringComparer.Ordinal) && service.Entities.Count == 0)
        {
            problems.Add(new PackProblem(TemplatePackManifestReader.FileName, 0, "this pack needs at least one entity in the configuration's data model"));
        }

        if (manifest.Requires.Contains(PackFeatures.HttpCalls, StringComparer.Ordinal) && service.HttpCalls.Count == 0)
        {
            problems.Add(new PackProblem(TemplatePackManifestReader.FileName, 0, "this pack needs at least one call of the http-call spell in the configuration"));
        }

        return problems;
    }

    private static GeneratedFile? RenderOne(PackTemplate template, object context, List<PackProblem> problems)
    {
        string path;
        try
        {
            path = template.RenderPath(context).Trim();
        }
        catch (HandlebarsException ex)
        {
            problems.Add(TemplateErrorLocator.RenderProblem(template.SourcePath, template.PathTemplate, ex) with { Line = 0 });
            return null;
        }

        if (PathRefusal(path) is { } refusal)
        {
            problems.Add(new PackProblem(template.SourcePath, 0, $"its path renders to \"{path}\", {refusal}"));
            return null;
        }

        if (template.RenderBody is null)
        {
            return new GeneratedFile(path, template.Raw!);
        }

        string text;
        try
        {
            text = template.RenderBody(context);
        }
        catch (HandlebarsException ex)
        {
            problems.Add(TemplateErrorLocator.RenderProblem(template.SourcePath, template.Source, ex));
            return null;
        }

        return string.IsNullOrWhiteSpace(text) ? null : new GeneratedFile(path, Utf8.GetBytes(text.ReplaceLineEndings("\n")));
    }

    /// <summary>Why a rendered path is refused, or null: it must be relative, inside the tree, and portable.</summary>
    public static string? PathRefusal(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return "which is empty; every file needs a name";
        }

        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':'))
        {
            return "which is absolute or uses backslashes; paths are relative with / separators";
        }

        if (path.Any(char.IsControl))
        {
            return "which contains control characters";
        }

        var segments = path.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            return "which has an empty, '.' or '..' segment and could leave the generated tree; a path stays inside it";
        }

        return segments[0] == ".git" ? "which writes into .git" : null;
    }

    private static readonly UTF8Encoding Utf8 = new(false);
}
