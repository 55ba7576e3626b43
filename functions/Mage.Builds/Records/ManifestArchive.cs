using Azure;
using Azure.Storage.Blobs;
using Mage.Storage;

namespace Mage.Builds.Records;

/// <summary>Keeps each build's manifest as submitted, in <c>{hub}-manifests/{service}/{number}.yml</c>. Thread-safe.</summary>
public sealed class ManifestArchive(StorageClients account, BuildStorageNames names) : IStorageSetup
{
    private readonly BlobContainerClient _container = account.GetBlobContainer(names.ManifestsContainer);

    /// <summary>Creates the container if needed. Idempotent.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Stores the manifest (overwrites: the same build always has the same manifest).</summary>
    public Task SaveAsync(string service, long number, string yaml, CancellationToken cancellationToken) =>
        _container.GetBlobClient(BuildStorageNames.ManifestBlob(service, number)).UploadAsync(BinaryData.FromString(yaml), overwrite: true, cancellationToken);

    /// <summary>The manifest, or null.</summary>
    public async Task<string?> GetAsync(string service, long number, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(BuildStorageNames.ManifestBlob(service, number));
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
