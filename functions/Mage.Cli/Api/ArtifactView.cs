namespace Mage.Cli.Api;

/// <summary>An artifact: <c>GET /api/builds/{id}/artifacts</c> items. <see cref="Sha256"/> is lowercase hex.</summary>
internal sealed record ArtifactView(string Job, string? Source, string Name, long Size, string Sha256, string Uri);
