namespace Mage.Durable;

/// <summary>Snapshot of an instance as returned by <see cref="DurableTaskClient"/>. Immutable.</summary>
public sealed class OrchestrationMetadata
{
    /// <summary>Orchestrator name.</summary>
    public required string Name { get; init; }

    /// <summary>Instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Status at the time of the read.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>When the client created the instance.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Time of the last checkpoint.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>Serialized input; null unless inputs and outputs were requested.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>Serialized output; null unless inputs and outputs were requested.</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>Serialized custom status; null unless inputs and outputs were requested.</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Failure, when <see cref="RuntimeStatus"/> is Failed.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>True while Pending or Running.</summary>
    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running;

    /// <summary>True once Completed, Failed or Terminated.</summary>
    public bool IsCompleted => !IsRunning;

    /// <summary>Deserializes the input.</summary>
    public T? ReadInputAs<T>() => SerializedInput is null ? default : DurableSerializer.Deserialize<T>(SerializedInput);

    /// <summary>Deserializes the output.</summary>
    public T? ReadOutputAs<T>() => SerializedOutput is null ? default : DurableSerializer.Deserialize<T>(SerializedOutput);

    /// <summary>Deserializes the custom status.</summary>
    public T? ReadCustomStatusAs<T>() => SerializedCustomStatus is null ? default : DurableSerializer.Deserialize<T>(SerializedCustomStatus);
}
