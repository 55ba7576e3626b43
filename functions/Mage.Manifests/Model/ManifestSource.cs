namespace Mage.Manifests;

/// <summary>One <c>sources</c> item, <c>url [ref] [=&gt; dir]</c>.</summary>
/// <param name="Url">The repository URL (text up to the first space).</param>
/// <param name="Ref">The ref to check out, or null to keep the clone's default branch.</param>
/// <param name="Directory">Where to clone, relative to the workspace; defaults to the URL's last segment without <c>.git</c>.</param>
public sealed record ManifestSource(string Url, string? Ref, string Directory);
