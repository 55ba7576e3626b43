using Azure;
using Azure.Data.Tables;
using Mage.Manifests;
using Mage.Storage;

namespace Mage.Builds.Records;

/// <summary>Jobs in <c>{hub}Jobs</c>, one partition per service, row keys in plan order. Thread-safe.</summary>
public sealed class JobStore(StorageClients account, BuildStorageNames names, TimeProvider time) : IStorageSetup
{
    private readonly TableClient _table = account.GetTable(names.JobsTable);

    /// <summary>Creates the table if needed. Idempotent.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>
    /// Writes every job of the plan as <see cref="BuildStatus.Queued"/>. Idempotent: jobs that
    /// already exist keep their status, so a repeated call after jobs started changes nothing.
    /// </summary>
    public async Task RegisterAsync(string service, long number, ExecutionPlan plan, CancellationToken cancellationToken)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in QueryBuildAsync(service, number, cancellationToken))
        {
            existing.Add(entity.RowKey);
        }

        var missing = Expand(service, number, plan).Select(BuildEntityMapper.ToEntity).Where(e => !existing.Contains(e.RowKey)).ToList();
        foreach (var chunk in missing.Chunk(100))
        {
            try
            {
                await _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)).ToList(), cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Someone registered part of this chunk concurrently: add the rest one by one.
                foreach (var entity in chunk)
                {
                    try
                    {
                        await _table.AddEntityAsync(entity, cancellationToken);
                    }
                    catch (RequestFailedException one) when (one.Status == 409)
                    {
                    }
                }
            }
        }
    }

    /// <summary>The jobs of a build in plan order.</summary>
    public async Task<IReadOnlyList<JobRecord>> ListAsync(string service, long number, CancellationToken cancellationToken)
    {
        var jobs = new List<JobRecord>();
        await foreach (var entity in QueryBuildAsync(service, number, cancellationToken))
        {
            jobs.Add(BuildEntityMapper.ToJob(entity));
        }

        return jobs;
    }

    /// <summary>One job by name, or null.</summary>
    public async Task<JobRecord?> FindAsync(string service, long number, string name, CancellationToken cancellationToken) =>
        (await ListAsync(service, number, cancellationToken)).FirstOrDefault(j => j.Name == name);

    /// <summary>One job by its place in the plan (a point read), or null.</summary>
    public async Task<JobRecord?> GetAsync(string service, long number, int stage, int job, CancellationToken cancellationToken) =>
        await _table.GetEntityOrNullAsync(service, BuildEntityMapper.JobRowKey(number, stage, job), cancellationToken: cancellationToken) is { } entity
            ? BuildEntityMapper.ToJob(entity)
            : null;

    /// <summary>Marks a job running (idempotent; a final job is left alone).</summary>
    public Task StartAsync(string service, long number, int stage, int job, CancellationToken cancellationToken) =>
        UpdateAsync(service, number, stage, job, j => j with { Status = BuildStatus.Running, StartedAt = j.StartedAt ?? time.GetUtcNow() }, cancellationToken);

    /// <summary>Records a job's final status (idempotent; the first final status wins).</summary>
    public Task FinishAsync(string service, long number, int stage, int job, string status, int? exitCode, CancellationToken cancellationToken) =>
        UpdateAsync(service, number, stage, job, j => j with { Status = status, ExitCode = exitCode, FinishedAt = time.GetUtcNow() }, cancellationToken);

    /// <summary>Gives every job that has not reached a final status the status <paramref name="status"/> (skipped, killed…).</summary>
    public async Task FinishUnfinishedAsync(string service, long number, string status, CancellationToken cancellationToken)
    {
        foreach (var job in await ListAsync(service, number, cancellationToken))
        {
            if (!BuildStatus.IsTerminal(job.Status))
            {
                var final = job.Status == BuildStatus.Queued && status != BuildStatus.Skipped ? BuildStatus.Skipped : status;
                await FinishAsync(service, number, job.StageIndex, job.JobIndex, final, null, cancellationToken);
            }
        }
    }

    private async Task UpdateAsync(string service, long number, int stage, int job, Func<JobRecord, JobRecord> change, CancellationToken cancellationToken)
    {
        var rowKey = BuildEntityMapper.JobRowKey(number, stage, job);
        while (true)
        {
            var entity = await _table.GetEntityOrNullAsync(service, rowKey, cancellationToken: cancellationToken);
            if (entity is null)
            {
                return;
            }

            var current = BuildEntityMapper.ToJob(entity);
            if (BuildStatus.IsTerminal(current.Status))
            {
                return;
            }

            try
            {
                await _table.UpdateEntityAsync(BuildEntityMapper.ToEntity(change(current)), entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Lost a race with another update of the same job: read it again.
            }
        }
    }

    private AsyncPageable<TableEntity> QueryBuildAsync(string service, long number, CancellationToken cancellationToken)
    {
        return _table.QueryPartitionAsync(service, BuildEntityMapper.BuildRowsFilter(number), cancellationToken: cancellationToken);
    }

    /// <summary>The job records a plan describes, all queued.</summary>
    public static IEnumerable<JobRecord> Expand(string service, long number, ExecutionPlan plan) =>
        plan.Stages.SelectMany((stage, s) => stage.Jobs.Select((job, j) => new JobRecord
        {
            Service = service,
            BuildNumber = number,
            StageIndex = s,
            Stage = stage.Name,
            CanFail = stage.CanFail,
            JobIndex = j,
            Name = job.Name,
            Status = BuildStatus.Queued,
        }));
}
