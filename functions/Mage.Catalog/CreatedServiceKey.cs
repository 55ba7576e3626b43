namespace Mage.Catalog;

/// <summary>A newly created service key: the only time the key itself is available.</summary>
/// <param name="Key">The key; stored only as its SHA-256 hash.</param>
/// <param name="Id">Key id, used to list and revoke it.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
public sealed record CreatedServiceKey(string Key, string Id, DateTimeOffset CreatedAt)
{
    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"CreatedServiceKey {{ Id = {Id}, CreatedAt = {CreatedAt:O} }}";
}
