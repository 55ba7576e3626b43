using Azure;

namespace Mage.Storage.Blobs;

/// <summary>One entry of a blob listing.</summary>
public sealed record BlobItem(string Name, long ContentLength, string? ContentType, ETag ETag, DateTimeOffset? LastModified, string? BlobType, IReadOnlyDictionary<string, string> Metadata);
