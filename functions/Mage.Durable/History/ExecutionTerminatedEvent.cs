namespace Mage.Durable.History;

/// <summary>The instance was terminated; <paramref name="Output"/> is the serialized reason/output.</summary>
public sealed record ExecutionTerminatedEvent(string? Output) : HistoryEvent;
