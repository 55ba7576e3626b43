using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Mage.Storage;

namespace Mage.Builds.Records;

/// <summary>
/// Builds in <c>{hub}Builds</c>, one partition per service. Registration is one entity group
/// transaction (the counter, the build, the tag lock and the idempotency key together), so
/// numbers have no gaps or duplicates and a crash never leaves half a build.
/// </summary>
/// <remarks>Thread-safe; every write is guarded by ETags and retried on a lost race.</remarks>
public sealed class BuildStore(StorageClients account, BuildStorageNames names, TimeProvider time) : IStorageSetup
{
    private const string CounterRow = "counter";
    private const int MaxAttempts = 20;
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);
    private readonly TableClient _table = account.GetTable(names.BuildsTable);

    /// <summary>Creates the table if needed. Idempotent.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>
    /// Registers a build with the next number, status <see cref="BuildStatus.Queued"/>.
    /// Same idempotency key within 24 h → the earlier build, nothing new.
    /// </summary>
    /// <exception cref="TagBusyException">A build with this tag is queued or running.</exception>
    public async Task<BuildCreation> CreateAsync(NewBuild request, CancellationToken cancellationToken)
    {
        var idemRow = request.IdempotencyKey is { Length: > 0 } key ? "idem-" + Hash(key) : null;
        var tagRow = "tag-" + Hash(request.Tag);
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            TableEntity? idem = null;
            if (idemRow is not null)
            {
                idem = await _table.GetEntityOrNullAsync(request.Service, idemRow, cancellationToken: cancellationToken);
                if (idem is not null && idem.GetDateTimeOffset("CreatedAt") > now - IdempotencyWindow
                    && await GetAsync(idem.GetString("BuildId") ?? string.Empty, cancellationToken) is { } earlier)
                {
                    return new BuildCreation(earlier, Created: false);
                }
            }

            var tagLock = await _table.GetEntityOrNullAsync(request.Service, tagRow, cancellationToken: cancellationToken);
            if (tagLock?.GetString("BuildId") is { } holder && await GetAsync(holder, cancellationToken) is { } holding && !BuildStatus.IsTerminal(holding.Status))
            {
                throw new TagBusyException(request.Tag, holder);
            }

            var counter = await _table.GetEntityOrNullAsync(request.Service, CounterRow, cancellationToken: cancellationToken);
            var number = (counter?.GetInt64("Last") ?? 0) + 1;
            var build = new BuildRecord
            {
                Id = BuildId.Create(request.Service, number),
                Service = request.Service,
                Number = number,
                Tag = request.Tag,
                Comment = request.Comment,
                Status = BuildStatus.Queued,
                CreatedAt = now,
                ConfigurationVersion = request.ConfigurationVersion,
            };

            var actions = new List<TableTransactionAction>
            {
                Upsert(new TableEntity(request.Service, CounterRow) { ["Last"] = number }, counter),
                new(TableTransactionActionType.Add, BuildEntityMapper.ToEntity(build)),
                Upsert(new TableEntity(request.Service, tagRow) { ["BuildId"] = build.Id, ["Tag"] = request.Tag }, tagLock),
            };
            if (idemRow is not null)
            {
                actions.Add(Upsert(new TableEntity(request.Service, idemRow) { ["BuildId"] = build.Id, ["CreatedAt"] = now }, idem));
            }

            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return new BuildCreation(build, Created: true);
            }
            catch (RequestFailedException ex) when (ex.IsConcurrencyConflict() && attempt < MaxAttempts)
            {
                // Another submit won the race for the counter, the tag or the key: read again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    /// <summary>The build with this id, or null.</summary>
    public async Task<BuildRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!BuildId.TryParse(id, out var service, out var number))
        {
            return null;
        }

        var entity = await _table.GetEntityOrNullAsync(service, BuildEntityMapper.BuildRowKey(number), cancellationToken: cancellationToken);
        var build = entity is null ? null : BuildEntityMapper.ToBuild(entity);
        return build?.Id == id ? build : null;
    }

    /// <summary>A page of a service's builds, newest first, optionally filtered.</summary>
    public async Task<(IReadOnlyList<BuildRecord> Items, string? ContinuationToken)> ListAsync(
        string service, string? status, string? tag, int top, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {service} and RowKey lt {"a"}");
        if (!string.IsNullOrEmpty(status))
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status}");
        }

        if (!string.IsNullOrEmpty(tag))
        {
            filter += " and " + TableClient.CreateQueryFilter($"Tag eq {tag}");
        }

        var page = await _table.QueryPageAsync(filter, top, ContinuationTokens.Decode(continuationToken), cancellationToken: cancellationToken);
        return (page.Items.Select(BuildEntityMapper.ToBuild).ToList(), ContinuationTokens.Encode(page.ContinuationToken));
    }

    /// <summary>
    /// Moves a build to <paramref name="status"/> unless it is already final (final statuses
    /// never change) or the move is not forward. Returns the status before, or null when nothing
    /// changed. Idempotent: a repeated call changes nothing.
    /// </summary>
    public async Task<(BuildRecord Build, string? Previous)> TransitionAsync(string id, string status, string? error, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entity = await GetEntityAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Build {id} does not exist.");
            var build = BuildEntityMapper.ToBuild(entity);
            if (BuildStatus.IsTerminal(build.Status) || build.Status == status || (status == BuildStatus.Queued))
            {
                return (build, null);
            }

            var now = time.GetUtcNow();
            var next = build with
            {
                Status = status,
                PreviousStatus = build.Status,
                StartedAt = build.StartedAt ?? (status == BuildStatus.Running ? now : null),
                FinishedAt = BuildStatus.IsTerminal(status) ? now : null,
                Error = error ?? build.Error,
            };
            try
            {
                await _table.UpdateEntityAsync(BuildEntityMapper.ToEntity(next), entity.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                continue;
            }

            if (BuildStatus.IsTerminal(status))
            {
                await ReleaseTagAsync(next, cancellationToken);
            }

            return (next, build.Status);
        }
    }

    /// <summary>
    /// Builds of every service still <c>queued</c> that were registered before <paramref name="createdBefore"/>:
    /// candidates for the recovery sweep. A scan across partitions, filtered by the table service.
    /// </summary>
    public async IAsyncEnumerable<BuildRecord> ListQueuedAsync(DateTimeOffset createdBefore, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Status eq {BuildStatus.Queued} and CreatedAt lt {createdBefore}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: 100, cancellationToken: cancellationToken))
        {
            if (BuildEntityMapper.IsBuildRow(entity.RowKey))
            {
                yield return BuildEntityMapper.ToBuild(entity);
            }
        }
    }

    /// <summary>Records the merge request of a build (idempotent).</summary>
    public async Task SetMergeRequestAsync(string id, MergeRequestRef mergeRequest, CancellationToken cancellationToken)
    {
        var build = await GetAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Build {id} does not exist.");
        var entity = new TableEntity(build.Service, BuildEntityMapper.BuildRowKey(build.Number))
        {
            ["MergeRequestUrl"] = mergeRequest.Url,
            ["MergeRequestIid"] = mergeRequest.Iid,
            ["MergeRequestBranch"] = mergeRequest.Branch,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    private async Task<TableEntity?> GetEntityAsync(string id, CancellationToken cancellationToken) =>
        BuildId.TryParse(id, out var service, out var number)
            ? await _table.GetEntityOrNullAsync(service, BuildEntityMapper.BuildRowKey(number), cancellationToken: cancellationToken)
            : null;

    private async Task ReleaseTagAsync(BuildRecord build, CancellationToken cancellationToken)
    {
        var row = "tag-" + Hash(build.Tag);
        var tagLock = await _table.GetEntityOrNullAsync(build.Service, row, cancellationToken: cancellationToken);
        if (tagLock?.GetString("BuildId") == build.Id)
        {
            try
            {
                await _table.DeleteEntityIfExistsAsync(build.Service, row, tagLock.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // A new build took the tag meanwhile (the lock was stale): it is theirs now.
            }
        }
    }

    private static TableTransactionAction Upsert(TableEntity entity, TableEntity? existing) =>
        existing is null
            ? new(TableTransactionActionType.Add, entity)
            : new(TableTransactionActionType.UpdateReplace, entity, existing.ETag);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..40];
}
