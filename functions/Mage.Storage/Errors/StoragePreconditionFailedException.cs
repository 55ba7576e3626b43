namespace Mage.Storage;

/// <summary>HTTP 412: an ETag (If-Match) or lease condition did not hold.</summary>
public sealed class StoragePreconditionFailedException : StorageException
{
    /// <summary>Creates the exception.</summary>
    public StoragePreconditionFailedException(string message, int status, string? errorCode, Exception? innerException = null)
        : base(message, status, errorCode, innerException) { }

    /// <summary>Creates the exception.</summary>
    public StoragePreconditionFailedException() { }

    /// <summary>Creates the exception.</summary>
    public StoragePreconditionFailedException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public StoragePreconditionFailedException(string message, Exception innerException) : base(message, innerException) { }
}
