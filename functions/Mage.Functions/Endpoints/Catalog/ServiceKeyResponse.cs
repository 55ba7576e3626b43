namespace Mage.Functions.Endpoints.Catalog;

/// <summary>A listed service key: id and creation time, never the key.</summary>
/// <param name="Id">Key id.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
public sealed record ServiceKeyResponse(string Id, DateTimeOffset CreatedAt);
