namespace Mage.Cli.Output;

/// <summary>One artifact written by <c>mage artifacts ID --download DIR</c>, as <c>--json</c> reports it.</summary>
/// <param name="Job">Job that produced it.</param>
/// <param name="Name">Artifact name (relative, forward slashes).</param>
/// <param name="Size">Bytes received.</param>
/// <param name="Sha256">SHA-256 of the bytes received, lowercase hex.</param>
/// <param name="Path">Where it was written; null when it was not kept.</param>
/// <param name="Verified">True when size and SHA-256 match the listing.</param>
internal sealed record ArtifactDownload(string Job, string Name, long Size, string Sha256, string? Path, bool Verified);
