namespace Mage.Cli.Api;

/// <summary>The 202 answer of <c>POST /api/services/{service}/builds</c>.</summary>
internal sealed record BuildAccepted(string Id, long Number, string Service, string Tag, string Status);
