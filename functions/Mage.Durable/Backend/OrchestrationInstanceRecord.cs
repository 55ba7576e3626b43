namespace Mage.Durable.Backend;

/// <summary>
/// The instance store's row for one orchestration instance: a read model derived from history,
/// written by the client at creation and by the engine at every checkpoint.
/// </summary>
public sealed record OrchestrationInstanceRecord
{
    /// <summary>Instance id (primary key).</summary>
    public required string InstanceId { get; init; }

    /// <summary>Orchestrator name.</summary>
    public required string Name { get; init; }

    /// <summary>Current status.</summary>
    public OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>Serialized input.</summary>
    public string? Input { get; init; }

    /// <summary>Serialized output (completed or terminated).</summary>
    public string? Output { get; init; }

    /// <summary>Serialized custom status.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>Failure, when <see cref="Status"/> is Failed.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Time of the last checkpoint.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>True for Completed, Failed and Terminated.</summary>
    public bool IsTerminal => Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
