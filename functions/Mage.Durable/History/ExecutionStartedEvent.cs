namespace Mage.Durable.History;

/// <summary>First event of every instance: which orchestrator to run with which input.</summary>
/// <param name="Name">Registered orchestrator name.</param>
/// <param name="Input">Serialized input.</param>
public sealed record ExecutionStartedEvent(string Name, string? Input) : HistoryEvent;
