using Azure;

namespace Mage.Storage;

/// <summary>What a streamed block-blob upload committed: its size, SHA-256, ETag and time.</summary>
/// <param name="Length">Bytes committed.</param>
/// <param name="Sha256">SHA-256 of the committed bytes.</param>
/// <param name="ETag">The blob's ETag after the commit.</param>
/// <param name="LastModified">The blob's last-modified time after the commit.</param>
public sealed record StreamedUpload(long Length, byte[] Sha256, ETag ETag, DateTimeOffset LastModified)
{
    /// <summary>The SHA-256 as lowercase hex.</summary>
    public string Sha256Hex => Convert.ToHexStringLower(Sha256);
}
