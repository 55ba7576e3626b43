namespace Mage.Builds.Artifacts;

/// <summary>One file to collect as an artifact.</summary>
/// <param name="FullPath">Absolute path, under the workspace's real path, checked component by component.</param>
/// <param name="Name">The name to store it under: relative, <c>/</c>-separated, without <c>..</c>.</param>
/// <param name="Size">Its size in bytes when it was resolved.</param>
public sealed record ArtifactFile(string FullPath, string Name, long Size);
