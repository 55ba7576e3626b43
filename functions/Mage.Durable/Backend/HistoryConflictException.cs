namespace Mage.Durable.Backend;

/// <summary>
/// Thrown by <see cref="IOrchestrationBackend.AppendHistoryAsync"/> when the history changed since
/// it was read (another worker checkpointed first). The caller drops its cached state and abandons
/// the work item; nothing was written.
/// </summary>
public sealed class HistoryConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public HistoryConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public HistoryConflictException()
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public HistoryConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
