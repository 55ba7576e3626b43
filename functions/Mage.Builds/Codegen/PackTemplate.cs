using HandlebarsDotNet;

namespace Mage.Builds.Codegen;

/// <summary>One file of a pack's <c>templates/</c> folder, compiled.</summary>
/// <param name="SourcePath">Path in the pack (<c>templates/src/{{service.pascalName}}/Program.cs.hbs</c>), for error messages.</param>
/// <param name="PathTemplate">The output path as a template: the path under <c>templates/</c> without <c>.hbs</c>.</param>
/// <param name="PerEntity">Whether the path mentions <c>entity</c>: the file is rendered once per entity.</param>
/// <param name="RenderPath">Renders the output path.</param>
/// <param name="Source">The template text (line endings normalized), for locating errors; null for a copied file.</param>
/// <param name="RenderBody">Renders the content, or null for a file copied as it is (no <c>.hbs</c>).</param>
/// <param name="Raw">The bytes of a copied file, or null for a template.</param>
public sealed record PackTemplate(
    string SourcePath,
    string PathTemplate,
    bool PerEntity,
    HandlebarsTemplate<object, object> RenderPath,
    string? Source,
    HandlebarsTemplate<object, object>? RenderBody,
    byte[]? Raw);
