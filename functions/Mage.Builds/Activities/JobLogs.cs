using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Mage.Builds.Logs;
using Mage.Builds.Records;
using Mage.Storage;

namespace Mage.Builds.Activities;

/// <summary>
/// Opens the output chain of a job: masking → cap → one-second batching → append blob
/// <c>{hub}-logs/{service}/{number}/{job}.log</c>. Thread-safe; one chain per job run.
/// </summary>
public sealed class JobLogs(StorageClients account, BuildStorageNames names, MageOptions options) : IStorageSetup
{
    private readonly BlobContainerClient _container = account.GetBlobContainer(names.LogsContainer);

    /// <summary>Creates the container if needed. Idempotent.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>
    /// Opens the log of <paramref name="job"/>. <paramref name="append"/> continues an existing log
    /// (object placement after driver creation); otherwise the log starts empty, so a job that runs
    /// again after a crash does not show its first attempt twice.
    /// </summary>
    public async Task<IJobOutput> OpenAsync(string service, long number, string job, IEnumerable<string> secrets, bool append, CancellationToken cancellationToken)
    {
        var blob = _container.GetAppendBlobClient(BuildStorageNames.LogBlob(service, number, job));
        if (!append || !await blob.ExistsAsync(cancellationToken))
        {
            // Create replaces any earlier log of this job with an empty append blob.
            await blob.CreateAsync(new AppendBlobCreateOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } }, cancellationToken);
        }

        IJobOutput sink = new BufferedJobOutput(new AppendBlobJobOutput(blob));
        sink = new CappedJobOutput(sink, options.MaxLogBytes);
        return new MaskingJobOutput(sink, secrets);
    }

    /// <summary>The blob of a job's log, for readers.</summary>
    public BlobClient BlobFor(string service, long number, string job) => _container.GetBlobClient(BuildStorageNames.LogBlob(service, number, job));
}
