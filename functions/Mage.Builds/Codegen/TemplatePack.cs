namespace Mage.Builds.Codegen;

/// <summary>
/// A loaded and compiled template pack: its manifest and its templates in path order. Immutable;
/// safe to render from several threads.
/// </summary>
/// <param name="Manifest">The pack's <c>pack.yaml</c>.</param>
/// <param name="Origin">Where it came from (<c>builtin:aspnet-minimal-api</c>, <c>git:URL@ref</c>, <c>object:name</c>), for logs and messages.</param>
/// <param name="Templates">Its templates, sorted by source path.</param>
public sealed record TemplatePack(TemplatePackManifest Manifest, string Origin, IReadOnlyList<PackTemplate> Templates);
