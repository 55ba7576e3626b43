using Mage.Durable.History;
using Mage.Storage;
using Mage.Storage.Tables;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>The checkpoint: history rows plus the instance row in one ETag-guarded entity-group transaction.</summary>
public sealed partial class AzureStorageBackend
{
    private const int MaxRowsPerBatch = 99;
    private const long MaxBatchChars = 1_000_000;

    /// <inheritdoc/>
    public async Task<string> AppendHistoryAsync(
        string instanceId,
        string expectedETag,
        IReadOnlyList<HistoryEvent> events,
        OrchestrationInstanceRecord record,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(record);
        ValidateInstanceId(instanceId);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);

        long count;
        if (_heads.TryGetValue(instanceId, out (string ETag, long Count) head) && head.ETag == expectedETag)
        {
            count = head.Count;
        }
        else
        {
            TableEntity? current = await _history.GetEntityAsync(instanceId, InstanceRowKey, ["HistoryCount"], cancellationToken).ConfigureAwait(false);
            if (current is null || current.ETag.ToString() != expectedETag)
            {
                throw new HistoryConflictException($"History of '{instanceId}' changed since it was read (or the instance is gone).");
            }

            count = current.GetInt64("HistoryCount") ?? 0;
        }

        var rows = new List<TableEntity>(events.Count);
        for (int i = 0; i < events.Count; i++)
        {
            var row = new TableEntity(instanceId, SeqKey(count + i));
            await _payloads.SetPropertyAsync(row, "Event", DurableSerializer.SerializeEvent(events[i]), instanceId, _options.MaxTablePropertyBytes, cancellationToken).ConfigureAwait(false);
            rows.Add(row);
        }

        TableEntity instanceRow = await ToInstanceRowAsync(record, count + events.Count, cancellationToken).ConfigureAwait(false);
        List<List<TableEntity>> batches = Batch(rows);

        // Leading batches: plain inserts above the committed length. Nothing is visible until the last batch commits.
        for (int b = 0; b < batches.Count - 1; b++)
        {
            await SubmitAsync(instanceId, expectedETag, batches[b], null, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<Azure.ETag?> results = await SubmitAsync(instanceId, expectedETag, batches[^1], instanceRow, cancellationToken).ConfigureAwait(false);
        string etag = results[^1]?.ToString() ?? throw new InvalidOperationException("The checkpoint returned no ETag.");
        _heads[instanceId] = (etag, count + events.Count);
        if (record.IsTerminal)
        {
            _completionSignal.Pulse();
        }

        await MirrorAsync(record, cancellationToken).ConfigureAwait(false);
        return etag;
    }

    private static List<List<TableEntity>> Batch(List<TableEntity> rows)
    {
        var batches = new List<List<TableEntity>> { new() };
        long chars = 0;
        foreach (TableEntity row in rows)
        {
            long size = 512 + row.Properties.Values.Sum(v => v is string s ? (long)s.Length : 16);
            if (batches[^1].Count >= MaxRowsPerBatch || (batches[^1].Count > 0 && chars + size > MaxBatchChars))
            {
                batches.Add([]);
                chars = 0;
            }

            batches[^1].Add(row);
            chars += size;
        }

        return batches;
    }

    /// <summary>
    /// Submits history rows (inserts) plus, in the last batch, the instance row replace guarded by the ETag.
    /// An insert conflict while the instance row still has the expected ETag means leftovers of an earlier
    /// failed attempt: the batch is retried with upserts (the ETag still guards the commit).
    /// </summary>
    private async Task<IReadOnlyList<Azure.ETag?>> SubmitAsync(string instanceId, string expectedETag, List<TableEntity> rows, TableEntity? instanceRow, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            TableTransactionActionType insert = attempt == 0 ? TableTransactionActionType.Add : TableTransactionActionType.UpsertReplace;
            var actions = rows.Select(r => new TableTransactionAction(insert, r)).ToList();
            if (instanceRow is not null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, instanceRow, new Azure.ETag(expectedETag)));
            }

            try
            {
                return await _history.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageException ex) when (ex.Status is 409 or 412 or 404)
            {
                AzureStorageLogs.CheckpointConflict(_logger, instanceId, ex.Status);
                bool leftovers = ex.Status == 409 && attempt == 0 && await StillAtAsync(instanceId, expectedETag, cancellationToken).ConfigureAwait(false);
                if (!leftovers)
                {
                    _heads.TryRemove(instanceId, out _);
                    throw new HistoryConflictException($"History of '{instanceId}' was changed by another writer (status {ex.Status}).", ex);
                }
            }
        }
    }

    private async Task<bool> StillAtAsync(string instanceId, string expectedETag, CancellationToken cancellationToken)
    {
        TableEntity? current = await _history.GetEntityAsync(instanceId, InstanceRowKey, ["HistoryCount"], cancellationToken).ConfigureAwait(false);
        return current is not null && current.ETag.ToString() == expectedETag;
    }
}
