using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Mage.Codegen;

/// <summary>
/// Serves <c>include "name"</c> from the partials a pack brought (<c>partials/name.scriban</c>),
/// read when the pack was loaded. Never touches the file system, so an include can name nothing
/// outside the pack: a name with <c>..</c>, a leading <c>/</c> or a backslash, or one that is not
/// a partial of the pack, is an error at the include's position.
/// </summary>
internal sealed class PackPartialLoader(IReadOnlyDictionary<string, string> partials) : ITemplateLoader
{
    /// <inheritdoc />
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var name = templateName.EndsWith(TemplatePackLoader.TemplateSuffix, StringComparison.Ordinal)
            ? templateName[..^TemplatePackLoader.TemplateSuffix.Length]
            : templateName;
        if (name.Length == 0 || name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal) || name.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ScriptRuntimeException(callerSpan, $"include \"{templateName}\" is refused: a partial is named by its path under partials/ without {TemplatePackLoader.TemplateSuffix} (\"header\" for partials/header{TemplatePackLoader.TemplateSuffix}) and cannot leave the pack");
        }

        var path = PartialPath(name);
        if (!partials.ContainsKey(path))
        {
            var known = partials.Count == 0 ? "the pack has none" : "the pack has: " + string.Join(", ", partials.Keys.Select(NameOf));
            throw new ScriptRuntimeException(callerSpan, $"include \"{templateName}\": there is no partial {path} ({known})");
        }

        return path;
    }

    /// <inheritdoc />
    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        partials.TryGetValue(templatePath, out var source)
            ? source
            : throw new ScriptRuntimeException(callerSpan, $"there is no partial {templatePath}");

    /// <inheritdoc />
    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

    /// <summary>The pack path of partial <paramref name="name"/>.</summary>
    internal static string PartialPath(string name) => $"{TemplatePackLoader.PartialsFolder}/{name}{TemplatePackLoader.TemplateSuffix}";

    private static string NameOf(string path) => path[(TemplatePackLoader.PartialsFolder.Length + 1)..^TemplatePackLoader.TemplateSuffix.Length];
}
