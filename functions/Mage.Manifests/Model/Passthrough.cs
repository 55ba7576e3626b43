namespace Mage.Manifests;

/// <summary>
/// One <c>objects</c> or job <c>artifacts</c> item, <c>src</c> or <c>src =&gt; dst</c>.
/// For objects the source is an uploaded object's name and the destination a path in the
/// build environment; for artifacts the source is a path (or glob) in the build environment
/// and the destination the name it is stored under.
/// </summary>
/// <param name="Source">Left of <c>=&gt;</c>, trimmed.</param>
/// <param name="Destination">Right of <c>=&gt;</c>, trimmed; the source's last path segment when omitted.</param>
public sealed record Passthrough(string Source, string Destination);
