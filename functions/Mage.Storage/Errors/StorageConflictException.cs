namespace Mage.Storage;

/// <summary>HTTP 409: the resource already exists or is in a conflicting state (lease, being deleted).</summary>
public sealed class StorageConflictException : StorageException
{
    /// <summary>Creates the exception.</summary>
    public StorageConflictException(string message, int status, string? errorCode, Exception? innerException = null)
        : base(message, status, errorCode, innerException) { }

    /// <summary>Creates the exception.</summary>
    public StorageConflictException() { }

    /// <summary>Creates the exception.</summary>
    public StorageConflictException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public StorageConflictException(string message, Exception innerException) : base(message, innerException) { }
}
