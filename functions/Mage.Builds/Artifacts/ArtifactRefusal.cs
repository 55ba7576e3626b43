namespace Mage.Builds.Artifacts;

/// <summary>A path that was not collected (or placed), and why, as a line for the job's log.</summary>
/// <param name="Source">The workspace-relative path or pattern concerned.</param>
/// <param name="Message">The full message, for example <c>artifact build/out.txt refused: it is a symbolic link</c>.</param>
public sealed record ArtifactRefusal(string Source, string Message);
