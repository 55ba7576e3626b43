namespace Mage.Builds.Artifacts;

/// <summary>What <see cref="ArtifactResolver.Resolve"/> found: files to collect, and refusals to log (never fatal).</summary>
public sealed record ArtifactResolution(IReadOnlyList<ArtifactFile> Files, IReadOnlyList<ArtifactRefusal> Refusals);
