namespace Mage.Catalog;

/// <summary>A service key as listed: never the key itself.</summary>
/// <param name="Id">Key id, used to revoke it.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
public sealed record ServiceKeyInfo(string Id, DateTimeOffset CreatedAt);
