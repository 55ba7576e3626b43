namespace Mage.Durable.History;

/// <summary>The orchestrator created a durable timer with sequence id <paramref name="EventId"/>.</summary>
public sealed record TimerCreatedEvent(int EventId, DateTime FireAt) : HistoryEvent;
