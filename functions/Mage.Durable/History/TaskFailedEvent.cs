namespace Mage.Durable.History;

/// <summary>Activity <paramref name="TaskScheduledId"/> threw.</summary>
public sealed record TaskFailedEvent(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent;
