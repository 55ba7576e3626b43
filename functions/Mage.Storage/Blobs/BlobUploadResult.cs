using Azure;

namespace Mage.Storage.Blobs;

/// <summary>Outcome of an upload: the new ETag, the byte count and the SHA-256 of what was sent.</summary>
public sealed record BlobUploadResult(ETag ETag, DateTimeOffset? LastModified, long Length, byte[] Sha256)
{
    /// <summary>Lower-case hex of <see cref="Sha256"/>.</summary>
    public string Sha256Hex => Convert.ToHexStringLower(Sha256);
}
