using Mage.Storage;
using Mage.Storage.Blobs;

namespace Mage.Builds.Records;

/// <summary>Keeps each build's manifest as submitted, in <c>{hub}-manifests/{service}/{number}.yml</c>. Thread-safe.</summary>
public sealed class ManifestArchive(StorageAccount account, BuildStorageNames names)
{
    private readonly BlobContainerClient _container = account.GetBlobContainer(names.ManifestsContainer);

    /// <summary>Creates the container if needed. Idempotent.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _container.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Stores the manifest (overwrites: the same build always has the same manifest).</summary>
    public Task SaveAsync(string service, long number, string yaml, CancellationToken cancellationToken) =>
        _container.GetBlob(BuildStorageNames.ManifestBlob(service, number)).UploadAsync(BinaryData.FromString(yaml), cancellationToken: cancellationToken);

    /// <summary>The manifest, or null.</summary>
    public async Task<string?> GetAsync(string service, long number, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlob(BuildStorageNames.ManifestBlob(service, number));
        try
        {
            return (await blob.DownloadAsync(cancellationToken: cancellationToken)).ToString();
        }
        catch (StorageNotFoundException)
        {
            return null;
        }
    }
}
