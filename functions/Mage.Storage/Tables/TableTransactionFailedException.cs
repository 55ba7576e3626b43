namespace Mage.Storage.Tables;

/// <summary>
/// An entity group transaction was rejected as a whole (nothing was applied). <see cref="FailedIndex"/> is the
/// zero-based index of the action that failed when the service says so, otherwise null; <see cref="StorageException.Status"/>
/// and <see cref="StorageException.ErrorCode"/> are that action's (e.g. 409 EntityAlreadyExists, 412 UpdateConditionNotSatisfied).
/// </summary>
public sealed class TableTransactionFailedException : StorageException
{
    /// <summary>Creates the exception.</summary>
    public TableTransactionFailedException(string message, int status, string? errorCode, int? failedIndex)
        : base(message, status, errorCode)
    {
        FailedIndex = failedIndex;
    }

    /// <summary>Creates the exception.</summary>
    public TableTransactionFailedException() { }

    /// <summary>Creates the exception.</summary>
    public TableTransactionFailedException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public TableTransactionFailedException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Index of the failing action in the submitted list, when known.</summary>
    public int? FailedIndex { get; }
}
