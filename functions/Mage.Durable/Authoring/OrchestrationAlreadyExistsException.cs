namespace Mage.Durable;

/// <summary>Thrown by <see cref="DurableTaskClient.ScheduleNewOrchestrationInstanceAsync"/> when the instance id is taken.</summary>
public sealed class OrchestrationAlreadyExistsException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="instanceId"/>.</summary>
    public OrchestrationAlreadyExistsException(string instanceId)
        : base($"An orchestration instance with id '{instanceId}' already exists.")
    {
        InstanceId = instanceId;
    }

    /// <summary>Creates the exception without an instance id.</summary>
    public OrchestrationAlreadyExistsException()
        : this(string.Empty)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public OrchestrationAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
        InstanceId = string.Empty;
    }

    /// <summary>The instance id that already exists.</summary>
    public string InstanceId { get; }
}
