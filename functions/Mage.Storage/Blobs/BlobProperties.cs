using Azure;

namespace Mage.Storage.Blobs;

/// <summary>System properties and metadata of a blob.</summary>
public sealed record BlobProperties
{
    /// <summary>Size in bytes.</summary>
    public long ContentLength { get; init; }

    /// <summary>Content-Type.</summary>
    public string? ContentType { get; init; }

    /// <summary>Current ETag (changes on every write).</summary>
    public ETag ETag { get; init; }

    /// <summary>Last write time.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary><c>BlockBlob</c>, <c>AppendBlob</c> or <c>PageBlob</c>.</summary>
    public string? BlobType { get; init; }

    /// <summary><c>available</c>, <c>leased</c>, <c>expired</c>, <c>breaking</c> or <c>broken</c>.</summary>
    public string? LeaseState { get; init; }

    /// <summary>User metadata (case-insensitive names).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
