namespace Mage.Codegen;

/// <summary>
/// A loaded and parsed template pack: its manifest, its templates in path order and its partials.
/// Immutable; safe to render from several threads (every render gets its own Scriban context).
/// </summary>
/// <param name="Manifest">The pack's <c>pack.yaml</c>.</param>
/// <param name="Origin">Where it came from (<c>builtin:aspnet-minimal-api</c>, <c>git:URL@ref</c>, <c>object:name</c>), for logs and messages.</param>
/// <param name="Templates">Its templates, sorted by source path.</param>
/// <param name="Partials">The text of each file under <c>partials/</c> ending in <c>.scriban</c>, by its path in the pack (<c>partials/header.scriban</c>); what <c>include</c> can reach.</param>
public sealed record TemplatePack(TemplatePackManifest Manifest, string Origin, IReadOnlyList<PackTemplate> Templates, IReadOnlyDictionary<string, string> Partials);
