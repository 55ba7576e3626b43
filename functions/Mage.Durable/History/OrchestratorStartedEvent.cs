namespace Mage.Durable.History;

/// <summary>Marks the start of an episode; its timestamp is the replay-safe CurrentUtcDateTime.</summary>
public sealed record OrchestratorStartedEvent : HistoryEvent;
