using System.Text;
using Mage.Codegen.Model;
using Scriban;
using Scriban.Syntax;

namespace Mage.Codegen;

/// <summary>
/// Renders a pack for one service into files. Deterministic: the same pack and model give the
/// same files, byte for byte (UTF-8 without BOM, <c>\n</c> line endings, files sorted by path,
/// nothing taken from the clock or the machine). Thread-safe (no state).
/// </summary>
/// <remarks>
/// Rules (docs/template-packs.md): a template whose path mentions <c>entity</c> is rendered once
/// per entity with <c>entity</c> bound to it; a template that renders to whitespace only produces
/// no file (how a pack leaves out a spell's files); a rendered path must stay inside the tree.
/// Every template renders in its own sandboxed Scriban context (<see cref="TemplateSandbox"/>)
/// within the pack's <see cref="TemplateLimits"/>.
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
    /// <param name="pack">The pack.</param>
    /// <param name="model">The data templates see (<see cref="TemplateModel.Build"/>).</param>
    /// <param name="limits">Bounds on the render; <see cref="TemplateLimits.Default"/> when null.</param>
    /// <exception cref="TemplatePackException">A template fails or passes a limit; the message names the file, line and column.</exception>
    public static IReadOnlyList<GeneratedFile> Render(TemplatePack pack, IReadOnlyDictionary<string, object?> model, TemplateLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(model);
        using var budget = new RenderBudget(limits ?? TemplateLimits.Default);
        var problems = new List<PackProblem>();
        var files = new SortedDictionary<string, (GeneratedFile File, string Source)>(StringComparer.Ordinal);
        var entities = model.TryGetValue("entities", out var list) && list is IEnumerable<object?> items ? items.ToList() : [];
        foreach (var template in pack.Templates)
        {
            var contexts = template.PerEntity
                ? entities.Select(entity => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(model, StringComparer.Ordinal) { ["entity"] = entity })
                : [model];
            foreach (var context in contexts)
            {
                var rendered = RenderOne(pack, template, context, budget, problems);
                if (budget.Deadline.IsCancellationRequested)
                {
                    // Out of time: the problem is recorded; every later template would only fail the same way.
                    throw new TemplatePackException(pack.Manifest.Name, problems);
                }

                if (rendered is not { } file)
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

    private static GeneratedFile? RenderOne(TemplatePack pack, PackTemplate template, IReadOnlyDictionary<string, object?> model, RenderBudget budget, List<PackProblem> problems)
    {
        if (RenderText(pack, template, template.Path, model, budget, problems) is not { } rendered)
        {
            return null;
        }

        var path = rendered.Trim();
        if (PathRefusal(path) is { } refusal)
        {
            problems.Add(new PackProblem(template.SourcePath, 0, $"its path renders to \"{path}\", {refusal}"));
            return null;
        }

        if (template.Body is null)
        {
            return new GeneratedFile(path, template.Raw!);
        }

        var text = RenderText(pack, template, template.Body, model, budget, problems);
        return string.IsNullOrWhiteSpace(text) ? null : new GeneratedFile(path, Utf8.GetBytes(text.ReplaceLineEndings("\n")));
    }

    /// <summary>Renders <paramref name="script"/> (the path or the body of <paramref name="template"/>), or records why it failed and returns null.</summary>
    private static string? RenderText(TemplatePack pack, PackTemplate template, Template script, IReadOnlyDictionary<string, object?> model, RenderBudget budget, List<PackProblem> problems)
    {
        var (context, output) = TemplateSandbox.Create(pack, model, budget);
        try
        {
            script.Render(context);
            return output.ToString();
        }
        catch (ScriptRuntimeException ex)
        {
            var problem = TemplateProblems.Render(template.SourcePath, ex);
            problems.Add(ReferenceEquals(script, template.Path) && problem.File == template.SourcePath
                ? problem with { Line = 0, Column = 0, Message = "its file name fails to render: " + problem.Message }
                : problem);
            return null;
        }
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
