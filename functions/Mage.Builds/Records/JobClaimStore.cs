using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Mage.Storage;

namespace Mage.Builds.Records;

/// <summary>
/// Job claims and kill requests in <c>{hub}JobClaims</c>, one partition per build: what lets any
/// worker of the task hub run, watch and stop a build's jobs without talking to another worker.
/// Thread-safe.
/// </summary>
/// <remarks>
/// Rows: <c>{stage:D3}-{job:D4}</c> is a <see cref="JobClaim"/>; <see cref="KillRowKey"/>, when
/// present, says the build's jobs must stop (written by the orchestrator's kill step, polled by
/// every running job of the build).
/// </remarks>
public sealed class JobClaimStore(StorageClients account, BuildStorageNames names) : IStorageSetup
{
    /// <summary>Row key of a build's kill request.</summary>
    public const string KillRowKey = "kill";

    private readonly TableClient _table = account.GetTable(names.JobClaimsTable);

    /// <summary>Creates the table if needed. Idempotent.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>
    /// Claims a job for <paramref name="workerId"/>: an insert, so of concurrent deliveries exactly
    /// one gets the claim back; the others (and later ones, on this worker too) get <see langword="null"/>.
    /// An insert that reached storage but whose answer was lost still counts as this attempt's claim.
    /// </summary>
    public Task<JobClaim?> TryClaimAsync(string buildId, int stage, int job, string workerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        TryClaimAsync(buildId, stage, job, workerId, now, Guid.NewGuid().ToString("N"), cancellationToken);

    /// <summary>
    /// <see cref="TryClaimAsync(string, int, int, string, DateTimeOffset, CancellationToken)"/> as the
    /// attempt <paramref name="nonce"/>: calling it twice with one nonce is what a lost answer and the
    /// SDK's retry do to the insert.
    /// </summary>
    internal async Task<JobClaim?> TryClaimAsync(string buildId, int stage, int job, string workerId, DateTimeOffset now, string nonce, CancellationToken cancellationToken)
    {
        var claim = new JobClaim { BuildId = buildId, StageIndex = stage, JobIndex = job, WorkerId = workerId, ClaimedAt = now, HeartbeatAt = now, Nonce = nonce };
        try
        {
            var response = await _table.AddEntityAsync(ToEntity(claim), cancellationToken);
            return claim with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // 409 also answers the SDK's retry of an insert that succeeded but whose answer was lost:
            // only the row itself tells. One given up meanwhile was recorded failed and must not run.
            var stored = await GetAsync(buildId, stage, job, cancellationToken);
            return stored is { Abandoned: false } && string.Equals(stored.Nonce, nonce, StringComparison.Ordinal) ? stored : null;
        }
    }

    /// <summary>The claim of a job, with its <see cref="JobClaim.Age"/>; null when nobody claimed it.</summary>
    public async Task<JobClaim?> GetAsync(string buildId, int stage, int job, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(buildId, RowKey(stage, job), cancellationToken: cancellationToken);
        return response.HasValue
            ? ToClaim(response.Value!) with { ReadAt = response.GetRawResponse().Headers.Date }
            : null;
    }

    /// <summary>
    /// Refreshes the heartbeat of a claim this worker holds, conditional on <paramref name="claim"/>'s
    /// version. Returns the new version, or null when the claim changed meanwhile (it was abandoned:
    /// read it again to see).
    /// </summary>
    public async Task<JobClaim?> HeartbeatAsync(JobClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var beat = claim with { HeartbeatAt = now };
        try
        {
            var response = await _table.UpdateEntityAsync(ToEntity(beat), claim.ETag, TableUpdateMode.Replace, cancellationToken);
            return beat with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Marks a claim whose heartbeat went stale as abandoned, conditional on <paramref name="claim"/>'s
    /// version: false when the holder refreshed it meanwhile (it is alive after all).
    /// </summary>
    public async Task<bool> AbandonAsync(JobClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(ToEntity(claim with { Abandoned = true }), claim.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Asks every job of <paramref name="buildId"/> to stop, now and when it starts later. Idempotent.</summary>
    public async Task RequestKillAsync(string buildId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new TableEntity(buildId, KillRowKey) { ["RequestedAt"] = now }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Whether the build's jobs were asked to stop (one point read).</summary>
    public async Task<bool> IsKillRequestedAsync(string buildId, CancellationToken cancellationToken) =>
        await _table.GetEntityOrNullAsync(buildId, KillRowKey, ["PartitionKey"], cancellationToken) is not null;

    private static string RowKey(int stage, int job) => string.Create(CultureInfo.InvariantCulture, $"{stage:D3}-{job:D4}");

    private static TableEntity ToEntity(JobClaim claim) => new(claim.BuildId, RowKey(claim.StageIndex, claim.JobIndex))
    {
        ["StageIndex"] = claim.StageIndex,
        ["JobIndex"] = claim.JobIndex,
        ["WorkerId"] = claim.WorkerId,
        ["ClaimedAt"] = claim.ClaimedAt,
        ["HeartbeatAt"] = claim.HeartbeatAt,
        ["Abandoned"] = claim.Abandoned,
        ["Nonce"] = claim.Nonce,
    };

    private static JobClaim ToClaim(TableEntity entity) => new()
    {
        BuildId = entity.PartitionKey,
        StageIndex = entity.GetInt32("StageIndex") ?? 0,
        JobIndex = entity.GetInt32("JobIndex") ?? 0,
        WorkerId = entity.GetString("WorkerId") ?? string.Empty,
        ClaimedAt = entity.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue,
        HeartbeatAt = entity.GetDateTimeOffset("HeartbeatAt") ?? DateTimeOffset.MinValue,
        Abandoned = entity.GetBoolean("Abandoned") ?? false,
        Nonce = entity.GetString("Nonce") ?? string.Empty,
        ETag = entity.ETag,
        StoredAt = entity.Timestamp,
    };
}
