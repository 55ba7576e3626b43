namespace Mage.Durable.History;

/// <summary>Timer <paramref name="TimerId"/> reached <paramref name="FireAt"/>.</summary>
public sealed record TimerFiredEvent(int TimerId, DateTime FireAt) : HistoryEvent;
