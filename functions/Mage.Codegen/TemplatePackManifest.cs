namespace Mage.Codegen;

/// <summary>The contents of a pack's <c>pack.yaml</c> (docs/template-packs.md).</summary>
/// <param name="Name">Pack name: lower-case letters, digits and dashes.</param>
/// <param name="Description">One line saying what the pack produces.</param>
/// <param name="Version">The pack's own version (free text, semantic versioning advised).</param>
/// <param name="Requires">Configuration features the pack cannot do without (<see cref="PackFeatures"/>).</param>
/// <param name="Supports">Spells the pack implements; a configuration that switches on any other is refused.</param>
/// <param name="DefaultManifest">A djinn manifest that builds and tests the generated code, used when neither the build nor the service brings one; or null.</param>
public sealed record TemplatePackManifest(
    string Name,
    string Description,
    string Version,
    IReadOnlyList<string> Requires,
    IReadOnlyList<string> Supports,
    string? DefaultManifest);
