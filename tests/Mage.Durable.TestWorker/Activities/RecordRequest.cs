namespace Mage.Durable.TestWorker.Activities;

/// <summary>Input of <see cref="RecordExecutionActivity"/>: a key unique within the orchestration and a number to square.</summary>
public sealed record RecordRequest(string Key, long Number);
