using Mage.Durable.History;

namespace Mage.Durable.Backend;

/// <summary>Instance row plus full history, read together; <see cref="ETag"/> guards the next append.</summary>
/// <param name="Record">The instance row.</param>
/// <param name="History">Events in append order.</param>
/// <param name="ETag">Opaque concurrency token of the history as read.</param>
public sealed record InstanceState(OrchestrationInstanceRecord Record, IReadOnlyList<HistoryEvent> History, string ETag);
