namespace Mage.Storage;

/// <summary>
/// A failed storage call: the HTTP <see cref="Status"/> (0 when the service could not be reached)
/// and the storage <see cref="ErrorCode"/> (e.g. <c>BlobNotFound</c>, <c>EntityAlreadyExists</c>).
/// Messages never contain account keys, SAS signatures or request URLs.
/// </summary>
public class StorageException : Exception
{
    /// <summary>Creates an exception.</summary>
    public StorageException(string message, int status, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>Creates an exception without status (for serializers and analyzers).</summary>
    public StorageException() : this("Storage request failed.", 0, null) { }

    /// <summary>Creates an exception without status.</summary>
    public StorageException(string message) : this(message, 0, null) { }

    /// <summary>Creates an exception without status.</summary>
    public StorageException(string message, Exception innerException) : this(message, 0, null, innerException) { }

    /// <summary>HTTP status, or 0 when no response arrived (network failure after retries).</summary>
    public int Status { get; }

    /// <summary>The storage error code from <c>x-ms-error-code</c> or the error body, when known.</summary>
    public string? ErrorCode { get; }

    /// <summary>A coarse classification so callers can switch without knowing status numbers.</summary>
    public StorageErrorKind Kind => Status switch
    {
        0 => StorageErrorKind.Unreachable,
        404 => StorageErrorKind.NotFound,
        409 => StorageErrorKind.Conflict,
        412 => StorageErrorKind.PreconditionFailed,
        429 or 503 => StorageErrorKind.Throttled,
        _ => StorageErrorKind.Other,
    };
}
