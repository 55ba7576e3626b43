namespace Mage.Durable.History;

/// <summary>Activity <paramref name="TaskScheduledId"/> returned <paramref name="Result"/> (serialized).</summary>
public sealed record TaskCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent;
