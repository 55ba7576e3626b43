namespace Mage.Storage;

/// <summary>HTTP 404: the resource does not exist.</summary>
public sealed class StorageNotFoundException : StorageException
{
    /// <summary>Creates the exception.</summary>
    public StorageNotFoundException(string message, int status, string? errorCode, Exception? innerException = null)
        : base(message, status, errorCode, innerException) { }

    /// <summary>Creates the exception.</summary>
    public StorageNotFoundException() { }

    /// <summary>Creates the exception.</summary>
    public StorageNotFoundException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public StorageNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
