using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;

namespace Mage.Storage.Blobs;

/// <summary>
/// One blob: block blob uploads (single or staged), append blobs for live logs, downloads (whole,
/// range, streamed), properties/metadata, leases, deletes and read-only SAS URLs.
/// Thread-safe and cheap; share it. Reads and deletes are idempotent; uploads overwrite unless
/// <see cref="BlobConditions.IfNotExists"/> is given.
/// </summary>
public sealed partial class BlobClient
{
    private readonly StorageService _service;
    private readonly string _path;

    internal BlobClient(StorageService service, string containerName, string blobName)
    {
        BlobHeaders.ValidateContainerName(containerName);
        BlobHeaders.ValidateBlobName(blobName);
        _service = service;
        ContainerName = containerName;
        Name = blobName;
        _path = BlobHeaders.EscapePath(containerName, blobName);
    }

    /// <summary>The container name.</summary>
    public string ContainerName { get; }

    /// <summary>The blob name (may contain '/').</summary>
    public string Name { get; }

    /// <summary>The blob URI (no credentials).</summary>
    public Uri Uri => _service.BuildUri(_path);

    /// <summary>Uploads a block blob in one Put Blob request (content up to a few hundred MiB; buffered by the caller).</summary>
    public async Task<BlobUploadResult> UploadAsync(BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new BlobUploadOptions();
        ReadOnlyMemory<byte> bytes = content.ToMemory();
        ResponseHeadersSnapshot r = await PutBlobAsync(bytes, options, cancellationToken).ConfigureAwait(false);
        return new BlobUploadResult(r.ETag, r.GetDate("Last-Modified"), bytes.Length, SHA256.HashData(bytes.Span));
    }

    /// <summary>
    /// Uploads a stream of any (or unknown) length with bounded memory: reads it in blocks of
    /// <see cref="BlobUploadOptions.BlockSize"/>, stages each block (with Content-MD5), then commits the
    /// block list. SHA-256 is computed while streaming. Short streams go out as one Put Blob.
    /// A failed upload leaves the previous blob content unchanged (uncommitted blocks expire).
    /// </summary>
    public async Task<BlobUploadResult> UploadAsync(Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new BlobUploadOptions();
        if (options.BlockSize is < 64 * 1024 or > 100 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "BlockSize must be between 64 KiB and 100 MiB.");
        }
        byte[] buffer = ArrayPool<byte>.Shared.Rent(options.BlockSize);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            int filled = await FillAsync(content, buffer.AsMemory(0, options.BlockSize), cancellationToken).ConfigureAwait(false);
            if (filled < options.BlockSize)
            {
                ReadOnlyMemory<byte> single = buffer.AsMemory(0, filled);
                sha.AppendData(single.Span);
                ResponseHeadersSnapshot r = await PutBlobAsync(single, options, cancellationToken).ConfigureAwait(false);
                return new BlobUploadResult(r.ETag, r.GetDate("Last-Modified"), filled, sha.GetHashAndReset());
            }
            var blockIds = new List<string>();
            long total = 0;
            while (filled > 0)
            {
                if (blockIds.Count == 50_000)
                {
                    throw new ArgumentException("The stream needs more than 50,000 blocks; raise BlockSize.", nameof(content));
                }
                ReadOnlyMemory<byte> block = buffer.AsMemory(0, filled);
                sha.AppendData(block.Span);
                // Fixed-width ids: the service requires every block id of a blob to have the same length.
                string blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{blockIds.Count:D6}"));
                await PutBlockAsync(blockId, block, options.Conditions?.LeaseId, cancellationToken).ConfigureAwait(false);
                blockIds.Add(blockId);
                total += filled;
                filled = await FillAsync(content, buffer.AsMemory(0, options.BlockSize), cancellationToken).ConfigureAwait(false);
            }
            ResponseHeadersSnapshot committed = await PutBlockListAsync(blockIds, options, cancellationToken).ConfigureAwait(false);
            return new BlobUploadResult(committed.ETag, committed.GetDate("Last-Modified"), total, sha.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Downloads the whole blob into memory. Throws <see cref="StorageNotFoundException"/> when missing.</summary>
    public async Task<BinaryData> DownloadAsync(BlobConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using HttpMessage message = _service.CreateMessage(RequestMethod.Get, _path);
        conditions?.Apply(message.Request);
        Response response = await _service.SendAsync(message, "Get blob", cancellationToken).ConfigureAwait(false);
        return response.Content;
    }

    /// <summary>
    /// Downloads <paramref name="length"/> bytes from <paramref name="offset"/> (to the end when null).
    /// Returns empty data when <paramref name="offset"/> is at or past the end (handy for tailing append blobs).
    /// </summary>
    public async Task<BinaryData> DownloadRangeAsync(long offset, long? length = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "length must be positive.");
        }
        using HttpMessage message = _service.CreateMessage(RequestMethod.Get, _path);
        message.Request.Headers.SetValue("x-ms-range", RangeHeader(offset, length));
        Response response = await _service.SendAsync(message, "Get blob range", cancellationToken, 416).ConfigureAwait(false);
        return response.Status == 416 ? BinaryData.Empty : response.Content;
    }

    /// <summary>
    /// Opens the blob (or a range of it) as a stream read straight off the connection, without
    /// buffering the body. Dispose the stream to release the connection.
    /// </summary>
    public async Task<BlobDownloadStream> OpenReadAsync(long offset = 0, long? length = null, BlobConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        HttpMessage message = _service.CreateMessage(RequestMethod.Get, _path);
        message.BufferResponse = false;
        try
        {
            if (offset > 0 || length is not null)
            {
                message.Request.Headers.SetValue("x-ms-range", RangeHeader(offset, length));
            }
            conditions?.Apply(message.Request);
            Response response = await _service.SendAsync(message, "Get blob", cancellationToken).ConfigureAwait(false);
            BlobProperties properties = BlobHeaders.ReadProperties(response.Headers);
            return new BlobDownloadStream(message, response.ContentStream ?? Stream.Null, properties);
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>Properties and metadata. Throws <see cref="StorageNotFoundException"/> when missing.</summary>
    public async Task<BlobProperties> GetPropertiesAsync(BlobConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using HttpMessage message = _service.CreateMessage(RequestMethod.Head, _path);
        conditions?.Apply(message.Request);
        Response response = await _service.SendAsync(message, "Get blob properties", cancellationToken).ConfigureAwait(false);
        return BlobHeaders.ReadProperties(response.Headers);
    }

    /// <summary>True when the blob exists.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        HttpMessage message = _service.CreateMessage(RequestMethod.Head, _path);
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(message, "Get blob properties", cancellationToken, 404).ConfigureAwait(false);
        return r.Status != 404;
    }

    /// <summary>Replaces all user metadata. Returns the new ETag.</summary>
    public async Task<ETag> SetMetadataAsync(IReadOnlyDictionary<string, string> metadata, BlobConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        HttpMessage message = _service.CreateMessage(RequestMethod.Put, _path, ("comp", "metadata"));
        BlobHeaders.SetMetadata(message.Request, metadata);
        conditions?.Apply(message.Request);
        return (await _service.SendAndDisposeAsync(message, "Set blob metadata", cancellationToken).ConfigureAwait(false)).ETag;
    }

    /// <summary>Deletes the blob (and its snapshots). Throws <see cref="StorageNotFoundException"/> when missing.</summary>
    public async Task DeleteAsync(BlobConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        HttpMessage message = _service.CreateMessage(RequestMethod.Delete, _path);
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        conditions?.Apply(message.Request);
        await _service.SendAndDisposeAsync(message, "Delete blob", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the blob if present; returns false when it was missing. Idempotent.</summary>
    public async Task<bool> DeleteIfExistsAsync(BlobConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        HttpMessage message = _service.CreateMessage(RequestMethod.Delete, _path);
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        conditions?.Apply(message.Request);
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(message, "Delete blob", cancellationToken, 404).ConfigureAwait(false);
        return r.Status != 404;
    }

    private async Task<ResponseHeadersSnapshot> PutBlobAsync(ReadOnlyMemory<byte> bytes, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        HttpMessage message = _service.CreateMessage(RequestMethod.Put, _path);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        message.Request.Headers.SetValue("x-ms-blob-content-type", options.ContentType ?? "application/octet-stream");
        message.Request.Headers.SetValue("Content-MD5", Convert.ToBase64String(MD5.HashData(bytes.Span)));
        BlobHeaders.SetMetadata(message.Request, options.Metadata);
        options.Conditions?.Apply(message.Request);
        message.Request.Content = RequestContent.Create(bytes);
        return await _service.SendAndDisposeAsync(message, "Put blob", cancellationToken).ConfigureAwait(false);
    }

    private async Task PutBlockAsync(string blockId, ReadOnlyMemory<byte> block, string? leaseId, CancellationToken cancellationToken)
    {
        HttpMessage message = _service.CreateMessage(RequestMethod.Put, _path, ("comp", "block"), ("blockid", blockId));
        // Content-MD5 lets the service reject a block corrupted in transit; the retry then resends it.
        message.Request.Headers.SetValue("Content-MD5", Convert.ToBase64String(MD5.HashData(block.Span)));
        if (leaseId is not null)
        {
            message.Request.Headers.SetValue("x-ms-lease-id", leaseId);
        }
        message.Request.Content = RequestContent.Create(block);
        await _service.SendAndDisposeAsync(message, "Put block", cancellationToken).ConfigureAwait(false);
    }

    private async Task<ResponseHeadersSnapshot> PutBlockListAsync(List<string> blockIds, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (string id in blockIds)
        {
            xml.Append("<Latest>").Append(id).Append("</Latest>");
        }
        xml.Append("</BlockList>");
        HttpMessage message = _service.CreateMessage(RequestMethod.Put, _path, ("comp", "blocklist"));
        message.Request.Headers.SetValue("x-ms-blob-content-type", options.ContentType ?? "application/octet-stream");
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        BlobHeaders.SetMetadata(message.Request, options.Metadata);
        options.Conditions?.Apply(message.Request);
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml.ToString()));
        return await _service.SendAndDisposeAsync(message, "Put block list", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> FillAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int filled = 0;
        while (filled < buffer.Length)
        {
            int read = await stream.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            filled += read;
        }
        return filled;
    }

    private static string RangeHeader(long offset, long? length) =>
        length is { } l
            ? string.Create(CultureInfo.InvariantCulture, $"bytes={offset}-{offset + l - 1}")
            : string.Create(CultureInfo.InvariantCulture, $"bytes={offset}-");
}
