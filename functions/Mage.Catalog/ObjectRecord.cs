namespace Mage.Catalog;

/// <summary>A stored object of a service.</summary>
/// <param name="Name">Object name (see <see cref="CatalogNames.ObjectNameRule"/>).</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lowercase hex (empty if unknown, e.g. while an upload is being committed).</param>
/// <param name="CreatedAt">When this content was stored (UTC).</param>
public sealed record ObjectRecord(string Name, long Size, string Sha256, DateTimeOffset CreatedAt);
