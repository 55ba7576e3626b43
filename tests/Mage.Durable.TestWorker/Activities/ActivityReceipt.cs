namespace Mage.Durable.TestWorker.Activities;

/// <summary>What one execution of <see cref="RecordExecutionActivity"/> returned: the call's key, the execution's id (a row in the executions table) and the computed value.</summary>
public sealed record ActivityReceipt(string Key, string ExecutionId, long Value);
