using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Mage.Storage;

namespace Mage.Builds.Records;

/// <summary>The artifact index in <c>{hub}Artifacts</c> (PartitionKey = service). Thread-safe; writes are idempotent upserts.</summary>
public sealed class ArtifactStore(StorageClients account, BuildStorageNames names) : IStorageSetup
{
    private readonly TableClient _table = account.GetTable(names.ArtifactsTable);

    /// <summary>Creates the table if needed. Idempotent.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Records an artifact; collecting the same one twice leaves one row.</summary>
    public Task AddAsync(ArtifactRecord artifact, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(artifact.Service, RowKey(artifact.BuildNumber, artifact.Job, artifact.Name))
            {
                ["BuildNumber"] = artifact.BuildNumber,
                ["Job"] = artifact.Job,
                ["Source"] = artifact.Source,
                ["Name"] = artifact.Name,
                ["Size"] = artifact.Size,
                ["Sha256"] = artifact.Sha256,
                ["BlobName"] = artifact.BlobName,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>The artifacts of a build, grouped by job then name.</summary>
    public async Task<IReadOnlyList<ArtifactRecord>> ListAsync(string service, long number, CancellationToken cancellationToken)
    {
        var list = new List<ArtifactRecord>();
        await foreach (var e in _table.QueryPartitionAsync(service, BuildEntityMapper.BuildRowsFilter(number), cancellationToken: cancellationToken))
        {
            list.Add(ToRecord(e, number));
        }

        return list.OrderBy(a => a.Job, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>One artifact by job and name (a point read), or null.</summary>
    public async Task<ArtifactRecord?> GetAsync(string service, long number, string job, string name, CancellationToken cancellationToken) =>
        await _table.GetEntityOrNullAsync(service, RowKey(number, job, name), cancellationToken: cancellationToken) is { } e ? ToRecord(e, number) : null;

    private static ArtifactRecord ToRecord(TableEntity e, long number) =>
        new(e.PartitionKey, e.GetInt64("BuildNumber") ?? number, e.GetString("Job") ?? string.Empty, e.GetString("Source") ?? string.Empty,
            e.GetString("Name") ?? string.Empty, e.GetInt64("Size") ?? 0, e.GetString("Sha256") ?? string.Empty, e.GetString("BlobName") ?? string.Empty);

    // Names may hold characters a row key may not ('/'), so the key carries a hash of them.
    private static string RowKey(long number, string job, string name) =>
        BuildEntityMapper.JobRowPrefix(number) + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(job + "\n" + name)))[..40];
}
