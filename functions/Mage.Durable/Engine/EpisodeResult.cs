using Mage.Durable.History;

namespace Mage.Durable.Engine;

/// <summary>What one episode decided.</summary>
/// <param name="NewActions">TaskScheduled and TimerCreated events for calls made in this episode, by sequence id.</param>
/// <param name="Completion">ExecutionCompleted when the orchestration finished (or failed) in this episode.</param>
/// <param name="CustomStatus">Serialized custom status after the episode.</param>
internal sealed record EpisodeResult(
    IReadOnlyList<HistoryEvent> NewActions,
    ExecutionCompletedEvent? Completion,
    string? CustomStatus);
