namespace Mage.Manifests;

/// <summary>The <c>driver</c>: its type and the other keys of djinn's flat string map.</summary>
/// <param name="Type">The <c>type</c> key (empty when missing).</param>
/// <param name="Options">Every other key, e.g. <c>image</c>, <c>workspace</c>; ordered by key for stable output.</param>
public sealed record ManifestDriver(string Type, IReadOnlyDictionary<string, string> Options);
