namespace Mage.Durable.History;

/// <summary>Final event of an instance that completed or failed.</summary>
public sealed record ExecutionCompletedEvent(
    OrchestrationRuntimeStatus Status,
    string? Result,
    TaskFailureDetails? FailureDetails) : HistoryEvent;
