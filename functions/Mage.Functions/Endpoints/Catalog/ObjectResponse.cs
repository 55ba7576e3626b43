namespace Mage.Functions.Endpoints.Catalog;

/// <summary>A stored object's description.</summary>
/// <param name="Name">Object name.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lowercase hex.</param>
/// <param name="CreatedAt">When this content was stored (UTC).</param>
public sealed record ObjectResponse(string Name, long Size, string Sha256, DateTimeOffset CreatedAt);
