using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Mage.Storage;
using Microsoft.Extensions.Logging;

namespace Mage.Catalog;

/// <summary>
/// Service objects as block blobs <c>objects/&lt;service&gt;/&lt;name&gt;</c> in the <c>{hub}-objects</c>
/// container. Uploads stream in blocks (never the whole body in memory) and stop with
/// <see cref="ObjectTooLargeException"/> past <see cref="CatalogOptions.ObjectsMaxBytes"/>, before
/// anything is committed. Thread-safe singleton.
/// </summary>
public sealed class ObjectStore
{
    private const string Sha256Metadata = "sha256";
    private const string CreatedAtMetadata = "createdat";

    private readonly CatalogStorage _storage;
    private readonly ILogger<ObjectStore> _logger;

    /// <summary>Creates the store.</summary>
    public ObjectStore(CatalogStorage storage, ILogger<ObjectStore> logger)
    {
        _storage = storage;
        _logger = logger;
    }

    /// <summary>The size limit in effect.</summary>
    public long MaxBytes => _storage.Options.ObjectsMaxBytes;

    /// <summary>
    /// Stores <paramref name="content"/>, replacing any object of that name. <paramref name="declaredLength"/>
    /// (the request's Content-Length, when known) lets an oversized upload fail before it is read.
    /// The caller validates the name and checks that the service exists.
    /// </summary>
    /// <exception cref="ObjectTooLargeException">The content is larger than <see cref="MaxBytes"/>; nothing was stored.</exception>
    public async Task<ObjectRecord> UploadAsync(string service, string name, Stream content, long? declaredLength, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!CatalogNames.IsValidObjectName(name))
        {
            throw new ArgumentException(CatalogNames.ObjectNameProblem(name), nameof(name));
        }

        try
        {
            if (declaredLength > MaxBytes)
            {
                throw new ObjectTooLargeException(MaxBytes);
            }

            await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            var blob = _storage.Objects.GetBlobClient(BlobName(service, name));
            var limited = new LimitedReadStream(content, MaxBytes);
            var result = await blob.UploadStreamAsync(limited, string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType, cancellationToken).ConfigureAwait(false);
            var createdAt = result.LastModified;

            // The hash is known only once the body has been read, so it is attached after the
            // commit, on exactly the content this call wrote (If-Match).
            try
            {
                await blob.SetMetadataAsync(
                    new Dictionary<string, string>
                    {
                        [Sha256Metadata] = result.Sha256Hex,
                        [CreatedAtMetadata] = createdAt.ToString("O", CultureInfo.InvariantCulture),
                    },
                    new BlobRequestConditions { IfMatch = result.ETag },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // A newer upload replaced it meanwhile and carries its own metadata.
            }

            CatalogLog.ObjectStored(_logger, service, name, result.Length, result.Sha256Hex);
            return new ObjectRecord(name, result.Length, result.Sha256Hex, createdAt);
        }
        catch (ObjectTooLargeException)
        {
            CatalogLog.ObjectTooLarge(_logger, service, name, MaxBytes);
            throw;
        }
    }

    /// <summary>The objects of a service, ordered by name.</summary>
    public async Task<IReadOnlyList<ObjectRecord>> ListAsync(string service, CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var prefix = Prefix(service);
        var list = new List<ObjectRecord>();
        await foreach (var item in _storage.Objects.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToRecord(item.Name[prefix.Length..], item.Properties.ContentLength ?? 0, item.Metadata, item.Properties.LastModified));
        }

        return list;
    }

    /// <summary>Opens the object for reading (streamed, not buffered), or null when it does not exist. The caller disposes the stream.</summary>
    public async Task<(ObjectRecord Object, Stream Content)?> OpenReadAsync(string service, string name, CancellationToken cancellationToken)
    {
        if (!CatalogNames.IsValidObjectName(name))
        {
            return null;
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var download = await _storage.Objects.GetBlobClient(BlobName(service, name)).OpenRangeAsync(0, null, cancellationToken).ConfigureAwait(false);
            var details = download.Details;
            return (ToRecord(name, details.ContentLength, details.Metadata, details.LastModified), download.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes the object; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string service, string name, CancellationToken cancellationToken)
    {
        if (!CatalogNames.IsValidObjectName(name))
        {
            return false;
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var deleted = (await _storage.Objects.GetBlobClient(BlobName(service, name)).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        if (deleted)
        {
            CatalogLog.ObjectDeleted(_logger, service, name);
        }

        return deleted;
    }

    /// <summary>The blob name of an object.</summary>
    public static string BlobName(string service, string name) => Prefix(service) + name;

    private static string Prefix(string service) => $"objects/{service}/";

    private static ObjectRecord ToRecord(string name, long size, IDictionary<string, string> metadata, DateTimeOffset? lastModified)
    {
        var sha = Find(metadata, Sha256Metadata) ?? "";
        var createdAt = Find(metadata, CreatedAtMetadata) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : lastModified ?? DateTimeOffset.UnixEpoch;
        return new ObjectRecord(name, size, sha, createdAt);
    }

    // Metadata names come back in whatever case the service chose.
    private static string? Find(IDictionary<string, string> metadata, string key) =>
        metadata.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
