namespace Mage.Durable;

/// <summary>
/// Thrown inside an orchestrator when an awaited activity failed (after all retries).
/// <see cref="FailureDetails"/> carries the activity's error type, message and stack.
/// </summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception for task <paramref name="taskName"/> with sequence id <paramref name="taskId"/>.</summary>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base(BuildMessage(taskName, taskId, failureDetails))
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>Creates an exception with a message only (serialization and tooling).</summary>
    public TaskFailedException()
        : this("unknown", -1, new TaskFailureDetails("unknown", "unknown"))
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public TaskFailedException(string message)
        : base(message)
    {
        TaskName = "unknown";
        FailureDetails = new TaskFailureDetails("unknown", message);
        TaskId = -1;
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public TaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        TaskName = "unknown";
        FailureDetails = TaskFailureDetails.FromException(innerException);
        TaskId = -1;
    }

    /// <summary>Name of the failed activity.</summary>
    public string TaskName { get; }

    /// <summary>Sequence id of the failed call within the orchestration.</summary>
    public int TaskId { get; }

    /// <summary>The activity's error.</summary>
    public TaskFailureDetails FailureDetails { get; }

    private static string BuildMessage(string taskName, int taskId, TaskFailureDetails? details) =>
        $"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {details?.ErrorMessage}";
}
