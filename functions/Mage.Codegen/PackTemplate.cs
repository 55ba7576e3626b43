using Scriban;

namespace Mage.Codegen;

/// <summary>One file of a pack's <c>templates/</c> folder, parsed.</summary>
/// <param name="SourcePath">Path in the pack (<c>templates/src/{{service.pascal_name}}/Program.cs.scriban</c>), for error messages.</param>
/// <param name="PathTemplate">The output path as a template: the path under <c>templates/</c> without <c>.scriban</c>.</param>
/// <param name="PerEntity">Whether the path mentions <c>entity</c>: the file is rendered once per entity.</param>
/// <param name="Path">The parsed output path.</param>
/// <param name="Body">The parsed content, or null for a file copied as it is (no <c>.scriban</c>).</param>
/// <param name="Raw">The bytes of a copied file, or null for a template.</param>
public sealed record PackTemplate(
    string SourcePath,
    string PathTemplate,
    bool PerEntity,
    Template Path,
    Template? Body,
    byte[]? Raw);
