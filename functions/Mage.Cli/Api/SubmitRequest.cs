namespace Mage.Cli.Api;

/// <summary>The body of <c>POST /api/services/{service}/builds</c>; null members are left out.</summary>
internal sealed record SubmitRequest(string Tag, string? Manifest, long? ConfigurationVersion, string? Comment);
