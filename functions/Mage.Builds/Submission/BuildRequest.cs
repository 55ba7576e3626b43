namespace Mage.Builds.Submission;

/// <summary>Body of <c>POST /api/services/{service}/builds</c>.</summary>
/// <param name="Tag">The build's tag (a git branch-name component).</param>
/// <param name="Manifest">YAML manifest; the service's default manifest when absent.</param>
/// <param name="ConfigurationVersion">Saved configuration version; the latest when absent.</param>
/// <param name="Comment">Free text.</param>
public sealed record BuildRequest(string? Tag, string? Manifest, long? ConfigurationVersion, string? Comment);
