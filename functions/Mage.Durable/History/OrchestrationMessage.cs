namespace Mage.Durable.History;

/// <summary>
/// Control message addressed to one orchestration instance: it carries the history event to add
/// (ExecutionStarted, TaskCompleted, TaskFailed, TimerFired, EventRaised, ExecutionTerminated).
/// Travels through the backend as a JSON string.
/// </summary>
/// <param name="MessageId">Unique per logical message; duplicates of a delivery share it.</param>
/// <param name="InstanceId">Target instance.</param>
/// <param name="Event">The event to add.</param>
/// <param name="DeferCount">How often the engine already postponed this message (bounded).</param>
public sealed record OrchestrationMessage(string MessageId, string InstanceId, HistoryEvent Event, int DeferCount = 0);
