using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Mage.Storage;

/// <summary>
/// Streamed uploads for content of unknown length (artifacts, objects): the SDK cuts the stream
/// into blocks of <see cref="BlockBytes"/> and commits them together, so memory stays flat however
/// large the content is and a failed upload commits nothing.
/// </summary>
public static class BlobStreaming
{
    /// <summary>Size of one staged block, and the most a single-shot upload may hold.</summary>
    public const int BlockBytes = 4 * 1024 * 1024;

    // The SDK's default single-shot threshold is hundreds of MiB, which for a stream of unknown
    // length means buffering that much before the first byte is sent: keep it at one block.
    private static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = BlockBytes,
        MaximumTransferSize = BlockBytes,
        MaximumConcurrency = 2,
    };

    /// <summary>Uploads <paramref name="content"/>, replacing the blob; reads it once, front to back.</summary>
    public static async Task<StreamedUpload> UploadStreamAsync(this BlobClient blob, Stream content, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(content);
        await using var hashing = new HashingReadStream(content);
        var options = new BlobUploadOptions
        {
            TransferOptions = Transfer,
            HttpHeaders = contentType is null ? null : new BlobHttpHeaders { ContentType = contentType },
        };
        var response = await blob.UploadAsync(hashing, options, cancellationToken).ConfigureAwait(false);
        return new StreamedUpload(hashing.BytesRead, hashing.Sha256, response.Value.ETag, response.Value.LastModified);
    }

    /// <summary>
    /// Opens <paramref name="length"/> bytes from <paramref name="offset"/> (to the end when null) as
    /// one ranged, streamed download; the SDK resumes the range if the connection drops. The caller disposes it.
    /// </summary>
    public static async Task<BlobDownloadStreamingResult> OpenRangeAsync(this BlobClient blob, long offset, long? length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var response = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = new Azure.HttpRange(offset, length) }, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }
}
