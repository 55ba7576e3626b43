using System.Globalization;
using Azure;
using Azure.Core;

namespace Mage.Storage.Blobs;

/// <summary>Append blob operations (live build logs: append, then tail with DownloadRangeAsync).</summary>
public sealed partial class BlobClient
{
    /// <summary>Largest single append block the service accepts (4 MiB on older versions; 100 MiB since 2022).</summary>
    public const int MaxAppendBlockBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Creates an empty append blob. With <paramref name="overwrite"/> false, fails with
    /// <see cref="StorageConflictException"/> when a blob exists; with true, replaces it (idempotent).
    /// </summary>
    public async Task<ETag> CreateAppendBlobAsync(string? contentType = null, bool overwrite = false, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        HttpMessage message = _service.CreateMessage(RequestMethod.Put, _path);
        message.Request.Headers.SetValue("x-ms-blob-type", "AppendBlob");
        message.Request.Headers.SetValue("x-ms-blob-content-type", contentType ?? "text/plain; charset=utf-8");
        BlobHeaders.SetMetadata(message.Request, metadata);
        if (!overwrite)
        {
            BlobConditions.IfNotExists.Apply(message.Request);
        }
        return (await _service.SendAndDisposeAsync(message, "Create append blob", cancellationToken).ConfigureAwait(false)).ETag;
    }

    /// <summary>
    /// Appends up to <see cref="MaxAppendBlockBytes"/> bytes; returns the offset the block landed at.
    /// Not idempotent: a retry after a lost response can append twice. Pass
    /// <paramref name="expectedOffset"/> (x-ms-blob-condition-appendpos) to make retries safe: a duplicate then
    /// fails with <see cref="StoragePreconditionFailedException"/>.
    /// </summary>
    public async Task<long> AppendBlockAsync(ReadOnlyMemory<byte> block, long? expectedOffset = null, string? leaseId = null, CancellationToken cancellationToken = default)
    {
        if (block.Length is 0 or > MaxAppendBlockBytes)
        {
            throw new ArgumentException($"An append block must hold 1..{MaxAppendBlockBytes} bytes.", nameof(block));
        }
        HttpMessage message = _service.CreateMessage(RequestMethod.Put, _path, ("comp", "appendblock"));
        if (expectedOffset is { } position)
        {
            message.Request.Headers.SetValue("x-ms-blob-condition-appendpos", position.ToString(CultureInfo.InvariantCulture));
        }
        if (leaseId is not null)
        {
            message.Request.Headers.SetValue("x-ms-lease-id", leaseId);
        }
        message.Request.Content = RequestContent.Create(block);
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(message, "Append block", cancellationToken).ConfigureAwait(false);
        return long.Parse(r.Get("x-ms-blob-append-offset") ?? "0", CultureInfo.InvariantCulture);
    }
}
