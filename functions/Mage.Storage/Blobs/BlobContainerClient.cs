using System.Runtime.CompilerServices;
using Azure.Core;

namespace Mage.Storage.Blobs;

/// <summary>
/// A blob container. Thread-safe and cheap; share it. Create/delete-if helpers are idempotent.
/// </summary>
public sealed class BlobContainerClient
{
    private readonly StorageService _service;

    internal BlobContainerClient(StorageService service, string name)
    {
        BlobHeaders.ValidateContainerName(name);
        _service = service;
        Name = name;
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>The container URI (no credentials).</summary>
    public Uri Uri => _service.BuildUri(Uri.EscapeDataString(Name));

    /// <summary>A client for one blob in this container (no request is made).</summary>
    public BlobClient GetBlob(string blobName) => new(_service, Name, blobName);

    /// <summary>Creates the container (private access) if missing. Returns true when this call created it. Idempotent.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        HttpMessage message = _service.CreateMessage(RequestMethod.Put, Uri.EscapeDataString(Name), ("restype", "container"));
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(message, "Create container", cancellationToken, 409).ConfigureAwait(false);
        return r.Status == 201;
    }

    /// <summary>Deletes the container and its blobs. Returns false when it did not exist. Idempotent.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        HttpMessage message = _service.CreateMessage(RequestMethod.Delete, Uri.EscapeDataString(Name), ("restype", "container"));
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(message, "Delete container", cancellationToken, 404).ConfigureAwait(false);
        return r.Status != 404;
    }

    /// <summary>
    /// One page of blobs whose names start with <paramref name="prefix"/> (flat listing, with metadata).
    /// <paramref name="maxResults"/> is 1..5,000; <paramref name="marker"/> is the previous page's NextMarker.
    /// </summary>
    public async Task<BlobPage> GetBlobsPageAsync(string? prefix = null, string? marker = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        if (maxResults is < 1 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxResults), "maxResults must be 1..5,000.");
        }
        using HttpMessage message = _service.CreateMessage(RequestMethod.Get, Uri.EscapeDataString(Name),
            ("restype", "container"), ("comp", "list"), ("include", "metadata"),
            ("prefix", string.IsNullOrEmpty(prefix) ? null : prefix), ("marker", marker),
            ("maxresults", maxResults?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Azure.Response response = await _service.SendAsync(message, "List blobs", cancellationToken).ConfigureAwait(false);
        return BlobListXml.Parse(response.ContentStream!);
    }

    /// <summary>All blobs under <paramref name="prefix"/>, fetching pages lazily.</summary>
    public async IAsyncEnumerable<BlobItem> GetBlobsAsync(string? prefix = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            BlobPage page = await GetBlobsPageAsync(prefix, marker, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (BlobItem item in page.Items)
            {
                yield return item;
            }
            marker = page.NextMarker;
        }
        while (marker is not null);
    }
}
