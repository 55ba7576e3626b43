using System.Globalization;
using Mage.Storage;
using Mage.Storage.Tables;

namespace Mage.Durable.TestWorker.Activities;

/// <summary>
/// Table <c>&lt;hub&gt;Executions</c>: one row per activity execution (PartitionKey = instance id, RowKey =
/// call key + execution id), written before the activity returns. Tests compare it with orchestration outputs:
/// an activity may run more than once (at-least-once), but the orchestration must use exactly one of its results.
/// Thread-safe.
/// </summary>
public sealed class ExecutionLog(StorageAccount account, string taskHub)
{
    private readonly TableClient _table = account.GetTable(TableNameFor(taskHub));
    private readonly Lazy<Task> _created = new(() => account.GetTable(TableNameFor(taskHub)).CreateIfNotExistsAsync());

    /// <summary>The table name for a task hub.</summary>
    public static string TableNameFor(string taskHub) => taskHub + "Executions";

    /// <summary>Records one execution and returns its id.</summary>
    public async Task<string> RecordAsync(string instanceId, string key, string workerId, CancellationToken cancellationToken)
    {
        await _created.Value.WaitAsync(cancellationToken);
        string executionId = Guid.NewGuid().ToString("N");
        var row = new TableEntity(instanceId, key + "-" + executionId)
        {
            ["Key"] = key,
            ["ExecutionId"] = executionId,
            ["Worker"] = workerId,
            ["AtTicks"] = DateTimeOffset.UtcNow.UtcTicks.ToString(CultureInfo.InvariantCulture),
        };
        await _table.AddEntityAsync(row, cancellationToken);
        return executionId;
    }
}
