namespace Mage.Functions.Endpoints.Catalog;

/// <summary>Body of <c>POST /api/services/{service}/keys</c>: the key is shown this once.</summary>
/// <param name="Key">The new key.</param>
/// <param name="Id">Its id, to revoke it.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
public sealed record ServiceKeyCreatedResponse(string Key, string Id, DateTimeOffset CreatedAt)
{
    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"ServiceKeyCreatedResponse {{ Id = {Id}, CreatedAt = {CreatedAt:O} }}";
}
