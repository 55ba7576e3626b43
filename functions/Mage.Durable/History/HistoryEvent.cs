using System.Text.Json.Serialization;

namespace Mage.Durable.History;

/// <summary>
/// One entry of an instance's append-only history. Serializable with <see cref="DurableSerializer"/>
/// (polymorphic, discriminator "kind"), so a backend can store one event per row or message.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ExecutionStartedEvent), "ExecutionStarted")]
[JsonDerivedType(typeof(OrchestratorStartedEvent), "OrchestratorStarted")]
[JsonDerivedType(typeof(TaskScheduledEvent), "TaskScheduled")]
[JsonDerivedType(typeof(TaskCompletedEvent), "TaskCompleted")]
[JsonDerivedType(typeof(TaskFailedEvent), "TaskFailed")]
[JsonDerivedType(typeof(TimerCreatedEvent), "TimerCreated")]
[JsonDerivedType(typeof(TimerFiredEvent), "TimerFired")]
[JsonDerivedType(typeof(EventRaisedEvent), "EventRaised")]
[JsonDerivedType(typeof(ExecutionCompletedEvent), "ExecutionCompleted")]
[JsonDerivedType(typeof(ExecutionTerminatedEvent), "ExecutionTerminated")]
public abstract record HistoryEvent
{
    /// <summary>When the event was recorded (UTC, from the engine's TimeProvider).</summary>
    public DateTime Timestamp { get; init; }

    /// <summary>
    /// On TaskScheduled and TimerCreated: a unique id given to the decision when it is checkpointed. On
    /// TaskCompleted, TaskFailed and TimerFired: the id of the decision answered. A result whose id differs
    /// from the one in history answers a decision that was never committed (made from a stale cache and
    /// lost to a conflicting checkpoint) and is dropped. Null on other events and in older histories.
    /// </summary>
    public string? CallId { get; init; }
}
