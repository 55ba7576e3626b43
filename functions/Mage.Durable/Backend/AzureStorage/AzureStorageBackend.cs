using System.Collections.Concurrent;
using System.Globalization;
using Mage.Storage;
using Mage.Storage.Blobs;
using Mage.Storage.Queues;
using Mage.Storage.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>
/// <see cref="IOrchestrationBackend"/> on Azure Storage (tables, queues, blobs) through <see cref="StorageAccount"/>.
/// </summary>
/// <remarks>
/// <para><b>Layout</b> for task hub <c>H</c> (queue and container names lower-cased): table <c>HHistory</c>
/// (PartitionKey = instance id; row <c>-instance</c> is the authoritative instance row with the history length,
/// rows <c>{seq:X16}</c> are history events); table <c>HInstances</c> (a read model of the instance rows, written
/// after each status change; not used for decisions); control queues <c>h-control-00..NN</c> (instance to
/// partition by FNV-1a of the id); work-item queue <c>h-workitems</c>; affinity queues <c>h-{name}</c> created on
/// demand (the engine names them <c>worker-{id}</c>); containers <c>h-leases</c> (partition leases, worker
/// heartbeats) and <c>h-payloads</c> (large payloads).</para>
/// <para><b>Checkpoint.</b> <see cref="AppendHistoryAsync"/> writes the new history rows and replaces the instance row
/// in one entity-group transaction guarded by the instance row's ETag (the ETag handed out by
/// <see cref="LoadInstanceAsync"/>). Instances and History are separate tables in the brief's layout, and a
/// transaction cannot span tables, so the authoritative instance row lives in the History partition. More than 99
/// events (or ~3 MiB) are written in leading batches of plain inserts first; the last batch carries the instance
/// row and is the commit point. Readers only trust rows below the committed history length.</para>
/// <para><b>Time.</b> Due times and leases are measured with the injected <see cref="TimeProvider"/>: each message
/// carries its due time and is hidden again when it surfaces early; with a non-system clock, timers on that clock
/// reveal due messages and release expired leases at once. Real queue visibility is capped by
/// <see cref="AzureStorageBackendOptions.MaxVisibilityDelay"/>, which chains long delays.</para>
/// <para><b>Ownership.</b> Only the owner of a partition (blob lease, see <see cref="PartitionManager"/>) reads its
/// control queue; within a process an instance is locked while a control work item is out. Thread-safe.</para>
/// <para><b>Instance ids</b> must not contain <c>/ \ # ?</c> or control characters (table key rules).</para>
/// </remarks>
public sealed partial class AzureStorageBackend : IOrchestrationBackend, IAsyncDisposable, IDisposable
{
    internal const string InstanceRowKey = "-instance";
    private static readonly TimeSpan MaxQueueVisibility = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private readonly StorageAccount _account;
    private readonly AzureStorageBackendOptions _options;
    private readonly TimeProvider _time;
    private readonly bool _customClock;
    private readonly ILogger _logger;
    private readonly string _hub;
    private readonly TableClient _history;
    private readonly TableClient _instances;
    private readonly QueueClient[] _controlQueues;
    private readonly PayloadStore _payloads;
    private readonly BlobContainerClient _leases;
    private readonly Lazy<Task> _initialized;
    private readonly ConcurrentDictionary<string, (string ETag, long Count)> _heads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OrchestrationRuntimeStatus> _mirrored = new(StringComparer.Ordinal);
    private readonly AsyncSignal _completionSignal = new();
    private readonly CancellationTokenSource _disposing = new();
    private PartitionManager? _partitions;
    private int _disposed;

    /// <summary>Creates the backend. Storage artifacts are created on first use (idempotently).</summary>
    /// <param name="account">The storage account.</param>
    /// <param name="options">Task hub and tuning; validated here.</param>
    /// <param name="timeProvider">Clock for due times and leases; defaults to the system clock.</param>
    /// <param name="logger">Logger; defaults to none.</param>
    public AzureStorageBackend(StorageAccount account, AzureStorageBackendOptions options, TimeProvider? timeProvider = null, ILogger<AzureStorageBackend>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _account = account;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _customClock = !ReferenceEquals(_time, TimeProvider.System);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _hub = options.TaskHub.ToLowerInvariant();
        _history = account.GetTable(options.TaskHub + "History");
        _instances = account.GetTable(options.TaskHub + "Instances");
        _controlQueues = new QueueClient[options.PartitionCount];
        for (int p = 0; p < options.PartitionCount; p++)
        {
            _controlQueues[p] = account.GetQueue(string.Create(CultureInfo.InvariantCulture, $"{_hub}-control-{p:D2}"));
        }

        _payloads = new PayloadStore(account.GetBlobContainer(_hub + "-payloads"));
        _leases = account.GetBlobContainer(_hub + "-leases");
        _initialized = new Lazy<Task>(InitializeAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The options this backend runs with.</summary>
    public AzureStorageBackendOptions Options => _options;

    /// <summary>Control partitions this backend owns right now (empty before first use).</summary>
    public IReadOnlyList<int> OwnedPartitions => _partitions?.Owned ?? [];

    /// <summary>Blob container holding large payloads (<c>&lt;hub&gt;-payloads</c>).</summary>
    public BlobContainerClient PayloadContainer => _payloads.Container;

    /// <inheritdoc/>
    public string SharedWorkItemQueue => _options.SharedWorkItemQueue;

    /// <summary>The control partition of an instance (stable FNV-1a hash of the id).</summary>
    public int PartitionOf(string instanceId) => PartitionHash.PartitionOf(instanceId, _options.PartitionCount);

    /// <summary>Creates every table, queue and container of the hub and starts partition ownership. Called implicitly.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _initialized.Value.WaitAsync(cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> CreateInstanceIfAbsentAsync(OrchestrationInstanceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ValidateInstanceId(record.InstanceId);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        TableEntity row = await ToInstanceRowAsync(record, 0, cancellationToken).ConfigureAwait(false);
        try
        {
            await _history.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageException ex) when (ex.Kind == StorageErrorKind.Conflict)
        {
            return false;
        }

        await MirrorAsync(record, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public async Task<OrchestrationInstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!IsValidInstanceId(instanceId))
        {
            return null;
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        TableEntity? row = await _history.GetEntityAsync(instanceId, InstanceRowKey, null, cancellationToken).ConfigureAwait(false);
        return row is null ? null : await FromInstanceRowAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<InstanceState?> LoadInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!IsValidInstanceId(instanceId))
        {
            return null;
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        for (int attempt = 0; ; attempt++)
        {
            TableEntity? instanceRow = null;
            var rows = new List<(long Seq, TableEntity Row)>();
            await foreach (TableEntity row in _history.QueryPartitionAsync(instanceId, null, null, null, cancellationToken).ConfigureAwait(false))
            {
                if (row.RowKey == InstanceRowKey)
                {
                    instanceRow = row;
                }
                else
                {
                    rows.Add((long.Parse(row.RowKey, NumberStyles.HexNumber, CultureInfo.InvariantCulture), row));
                }
            }

            if (instanceRow is null)
            {
                return null;
            }

            // The instance row sorts first, so rows below its count are complete; later rows are uncommitted leftovers.
            long count = instanceRow.GetInt64("HistoryCount") ?? 0;
            rows.RemoveAll(r => r.Seq >= count);
            if (rows.Count != count)
            {
                if (attempt < 3)
                {
                    continue;
                }

                throw new InvalidOperationException($"History of '{instanceId}' is incomplete: {rows.Count} of {count} rows.");
            }

            rows.Sort((a, b) => a.Seq.CompareTo(b.Seq));
            var events = new List<History.HistoryEvent>(rows.Count);
            foreach ((_, TableEntity row) in rows)
            {
                string json = await _payloads.GetPropertyAsync(row, "Event", cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"History row {row.RowKey} of '{instanceId}' has no event.");
                events.Add(DurableSerializer.DeserializeEvent(json));
            }

            string etag = instanceRow.ETag.ToString();
            _heads[instanceId] = (etag, count);
            OrchestrationInstanceRecord record = await FromInstanceRowAsync(instanceRow, cancellationToken).ConfigureAwait(false);
            return new InstanceState(record, events, etag);
        }
    }

    /// <inheritdoc/>
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!IsValidInstanceId(instanceId))
        {
            return false;
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        TableEntity? row = await _history.GetEntityAsync(instanceId, InstanceRowKey, ["Status"], cancellationToken).ConfigureAwait(false);
        if (row is null || !IsTerminal(row))
        {
            return false;
        }

        var keys = new List<TableEntity>();
        await foreach (TableEntity r in _history.QueryPartitionAsync(instanceId, null, ["RowKey"], null, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new TableEntity(instanceId, r.RowKey));
        }

        foreach (TableEntity[] chunk in keys.Chunk(100))
        {
            await _history.SubmitTransactionAsync(
                [.. chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, Azure.ETag.All))],
                cancellationToken).ConfigureAwait(false);
        }

        await _payloads.DeleteInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        await _instances.DeleteEntityAsync(instanceId, "", null, cancellationToken).ConfigureAwait(false);
        _heads.TryRemove(instanceId, out _);
        _mirrored.TryRemove(instanceId, out _);
        return true;
    }

    /// <inheritdoc/>
    /// <remarks>Polls the instance row with back-off (from the minimum to the maximum polling interval); a terminal
    /// checkpoint written by this process wakes the waiter at once.</remarks>
    public async Task<OrchestrationInstanceRecord?> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!IsValidInstanceId(instanceId))
        {
            return null;
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        TimeSpan pause = _options.MinPollingInterval;
        while (true)
        {
            Task signal = _completionSignal.WaitHandle;
            TableEntity? row = await _history.GetEntityAsync(instanceId, InstanceRowKey, ["Status"], cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            if (IsTerminal(row))
            {
                return await GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            }

            await AsyncSignal.WaitAsync(signal, pause, cancellationToken).ConfigureAwait(false);
            pause = Min(pause * 2, _options.MaxPollingInterval);
        }
    }

    /// <summary>Stops partition ownership (releasing leases unless configured not to) and pending timers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Handing work back is a courtesy to the other workers (leases expire anyway); with storage
        // gone its retries must not hold the process past its shutdown.
        var handBack = HandBackAsync();
        if (await Task.WhenAny(handBack, Task.Delay(DisposeDeadline)).ConfigureAwait(false) != handBack)
        {
            AzureStorageLogs.HandBackAbandoned(_logger, DisposeDeadline);
        }
    }

    /// <summary>How long <see cref="DisposeAsync"/> spends returning messages and releasing leases before it gives up.</summary>
    public static readonly TimeSpan DisposeDeadline = TimeSpan.FromSeconds(5);

    private async Task HandBackAsync()
    {
        if (_options.ReleaseLeasesOnDispose)
        {
            await ReturnBufferedAsync().ConfigureAwait(false);
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        DisposeTimers();
        if (_partitions is not null)
        {
            await _partitions.DisposeAsync().ConfigureAwait(false);
        }

        _disposing.Dispose();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static bool IsTerminal(TableEntity row) =>
        (OrchestrationRuntimeStatus)(row.GetInt32("Status") ?? 0) is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    private static bool IsValidInstanceId(string instanceId) =>
        !string.IsNullOrEmpty(instanceId) && instanceId.Length <= 512 && !instanceId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static void ValidateInstanceId(string instanceId)
    {
        if (!IsValidInstanceId(instanceId))
        {
            throw new ArgumentException("Instance ids must be at most 512 characters without / \\ # ? or control characters.", nameof(instanceId));
        }
    }

    private static string SeqKey(long seq) => seq.ToString("X16", CultureInfo.InvariantCulture);

    private async Task InitializeAsync()
    {
        CancellationToken ct = _disposing.Token;
        await _history.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        await _instances.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        await _payloads.Container.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        await _leases.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        foreach (QueueClient q in _controlQueues)
        {
            await q.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        }

        await GetWorkQueueAsync(_options.SharedWorkItemQueue, ct).ConfigureAwait(false);
        if (!_options.OwnsPartitions)
        {
            return;
        }

        _partitions = new PartitionManager(_leases, _options, CanReleasePartition, OnPartitionReleased, _logger);
        await _partitions.StartAsync(ct).ConfigureAwait(false);
    }

    private async Task<TableEntity> ToInstanceRowAsync(OrchestrationInstanceRecord record, long historyCount, CancellationToken cancellationToken)
    {
        string id = record.InstanceId;
        int max = _options.MaxTablePropertyBytes;
        var row = new TableEntity(id, InstanceRowKey)
        {
            ["Name"] = record.Name,
            ["Status"] = (int)record.Status,
            ["CreatedTicks"] = record.CreatedAt.UtcTicks,
            ["UpdatedTicks"] = record.LastUpdatedAt.UtcTicks,
            ["HistoryCount"] = historyCount,
        };
        await _payloads.SetPropertyAsync(row, "Input", record.Input, id, max, cancellationToken).ConfigureAwait(false);
        await _payloads.SetPropertyAsync(row, "Output", record.Output, id, max, cancellationToken).ConfigureAwait(false);
        await _payloads.SetPropertyAsync(row, "CustomStatus", record.CustomStatus, id, max, cancellationToken).ConfigureAwait(false);
        await _payloads.SetPropertyAsync(row, "Failure", record.FailureDetails is null ? null : DurableSerializer.Serialize(record.FailureDetails), id, max, cancellationToken).ConfigureAwait(false);
        return row;
    }

    private async Task<OrchestrationInstanceRecord> FromInstanceRowAsync(TableEntity row, CancellationToken cancellationToken)
    {
        string? failure = await _payloads.GetPropertyAsync(row, "Failure", cancellationToken).ConfigureAwait(false);
        return new OrchestrationInstanceRecord
        {
            InstanceId = row.PartitionKey,
            Name = row.GetString("Name") ?? "",
            Status = (OrchestrationRuntimeStatus)(row.GetInt32("Status") ?? 0),
            Input = await _payloads.GetPropertyAsync(row, "Input", cancellationToken).ConfigureAwait(false),
            Output = await _payloads.GetPropertyAsync(row, "Output", cancellationToken).ConfigureAwait(false),
            CustomStatus = await _payloads.GetPropertyAsync(row, "CustomStatus", cancellationToken).ConfigureAwait(false),
            FailureDetails = failure is null ? null : DurableSerializer.Deserialize<TaskFailureDetails>(failure),
            CreatedAt = new DateTimeOffset(row.GetInt64("CreatedTicks") ?? 0, TimeSpan.Zero),
            LastUpdatedAt = new DateTimeOffset(row.GetInt64("UpdatedTicks") ?? 0, TimeSpan.Zero),
        };
    }

    /// <summary>Best-effort copy of the instance's headline fields to the Instances read model, when its status changed.</summary>
    private async Task MirrorAsync(OrchestrationInstanceRecord record, CancellationToken cancellationToken)
    {
        if (_mirrored.TryGetValue(record.InstanceId, out OrchestrationRuntimeStatus last) && last == record.Status)
        {
            return;
        }

        try
        {
            var row = new TableEntity(record.InstanceId, "")
            {
                ["Name"] = record.Name,
                ["RuntimeStatus"] = record.Status.ToString(),
                ["CreatedTicks"] = record.CreatedAt.UtcTicks,
                ["UpdatedTicks"] = record.LastUpdatedAt.UtcTicks,
            };
            await _instances.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            _mirrored[record.InstanceId] = record.Status;
        }
        catch (StorageException ex)
        {
            AzureStorageLogs.MirrorFailed(_logger, record.InstanceId, ex);
        }
    }
}
