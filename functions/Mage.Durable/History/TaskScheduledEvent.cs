namespace Mage.Durable.History;

/// <summary>The orchestrator called an activity with sequence id <paramref name="EventId"/>.</summary>
/// <param name="EventId">Sequence id of the call.</param>
/// <param name="Name">Activity name.</param>
/// <param name="Input">Serialized input.</param>
/// <param name="TargetQueue">Affinity queue, or null for the shared queue.</param>
public sealed record TaskScheduledEvent(int EventId, string Name, string? Input, string? TargetQueue) : HistoryEvent;
