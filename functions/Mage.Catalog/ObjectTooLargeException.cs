namespace Mage.Catalog;

/// <summary>An object upload exceeded <see cref="CatalogOptions.ObjectsMaxBytes"/>; nothing was stored.</summary>
public sealed class ObjectTooLargeException : Exception
{
    /// <summary>Creates the exception for a limit of <paramref name="maxBytes"/>.</summary>
    public ObjectTooLargeException(long maxBytes)
        : base($"The object is larger than the limit of {maxBytes} bytes (setting Mage__Objects__MaxBytes).") => MaxBytes = maxBytes;

    /// <summary>Creates the exception with a default message.</summary>
    public ObjectTooLargeException() : base("The object is larger than the limit (setting Mage__Objects__MaxBytes).")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ObjectTooLargeException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public ObjectTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The limit that was exceeded, in bytes (0 when unknown).</summary>
    public long MaxBytes { get; }
}
