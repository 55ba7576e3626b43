using Azure;
using Azure.Data.Tables;

namespace Mage.Storage;

/// <summary>The few shapes of table calls the stores share, on top of the SDK's <see cref="TableClient"/>.</summary>
public static class TableClientExtensions
{
    /// <summary>The entity, or null when it (or the table) does not exist.</summary>
    public static async Task<TableEntity?> GetEntityOrNullAsync(
        this TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Deletes the entity (guarded by <paramref name="ifMatch"/> when given); false when it did not exist.</summary>
    /// <exception cref="RequestFailedException">412 when <paramref name="ifMatch"/> no longer matches.</exception>
    public static async Task<bool> DeleteEntityIfExistsAsync(
        this TableClient table, string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch == default ? ETag.All : ifMatch, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// One page of at most <paramref name="top"/> entities matching <paramref name="filter"/>, from
    /// the SDK's continuation token <paramref name="continuation"/> (null: from the start).
    /// </summary>
    public static async Task<(IReadOnlyList<TableEntity> Items, string? ContinuationToken)> QueryPageAsync(
        this TableClient table, string? filter, int top, string? continuation = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, top, select, cancellationToken).AsPages(continuation, top).ConfigureAwait(false))
        {
            return (page.Values, page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Every entity of one partition, optionally narrowed by <paramref name="filter"/>, in key order.</summary>
    public static AsyncPageable<TableEntity> QueryPartitionAsync(
        this TableClient table, string partitionKey, string? filter = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var partition = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        return table.QueryAsync<TableEntity>(filter is null ? partition : $"{partition} and ({filter})", select: select, cancellationToken: cancellationToken);
    }

    /// <summary>True for the errors a lost optimistic-concurrency race produces: 409 (already exists) and 412 (ETag changed).</summary>
    public static bool IsConcurrencyConflict(this RequestFailedException exception) =>
        exception is { Status: 409 or 412 };
}
