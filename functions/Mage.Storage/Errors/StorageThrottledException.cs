namespace Mage.Storage;

/// <summary>HTTP 429 or 503: the service is throttling even after retries.</summary>
public sealed class StorageThrottledException : StorageException
{
    /// <summary>Creates the exception.</summary>
    public StorageThrottledException(string message, int status, string? errorCode, Exception? innerException = null)
        : base(message, status, errorCode, innerException) { }

    /// <summary>Creates the exception.</summary>
    public StorageThrottledException() { }

    /// <summary>Creates the exception.</summary>
    public StorageThrottledException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public StorageThrottledException(string message, Exception innerException) : base(message, innerException) { }
}
