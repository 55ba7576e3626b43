using Azure.Storage.Blobs;
using Mage.Builds.Artifacts;
using Mage.Builds.Logs;
using Mage.Builds.Records;
using Mage.Manifests;
using Mage.Storage;

namespace Mage.Builds.Activities;

/// <summary>
/// Copies a job's artifacts from the workspace to <c>{hub}-artifacts/{service}/{number}/{job}/{name}</c>
/// and indexes them. Refusals (symlinks, paths outside the workspace, too large) go to the job
/// log and never fail the job. Idempotent: collecting twice overwrites with the same bytes.
/// </summary>
public sealed class ArtifactCollector(StorageClients account, BuildStorageNames names, ArtifactStore index, MageOptions options) : IStorageSetup
{
    private readonly BlobContainerClient _container = account.GetBlobContainer(names.ArtifactsContainer);

    /// <summary>Creates the container if needed. Idempotent.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Collects every artifact of one job.</summary>
    public async Task CollectAsync(string buildId, string workspace, string job, IEnumerable<Passthrough> artifacts, IJobOutput log, CancellationToken cancellationToken)
    {
        var (service, number) = BuildId.Parse(buildId);
        foreach (var artifact in artifacts)
        {
            var resolution = ArtifactResolver.Resolve(workspace, artifact.Source, artifact.Destination, options.MaxArtifactBytes);
            foreach (var refusal in resolution.Refusals)
            {
                await log.WriteLineAsync("[mage] " + refusal.Message, cancellationToken);
            }

            foreach (var file in resolution.Files)
            {
                var blobName = BuildStorageNames.ArtifactBlob(service, number, job, file.Name);

                // Opened without following links, so a file swapped for a symlink after resolution is refused too.
                await using var stream = ArtifactReader.OpenRead(file);
                var uploaded = await _container.GetBlobClient(blobName).UploadStreamAsync(stream, "application/octet-stream", cancellationToken);
                await index.AddAsync(new ArtifactRecord(service, number, job, artifact.Source, file.Name, uploaded.Length, uploaded.Sha256Hex, blobName), cancellationToken);
                await log.WriteLineAsync($"[mage] artifact {file.Name} collected ({uploaded.Length} bytes)", cancellationToken);
            }
        }
    }
}
