namespace Mage.Catalog.Secrets;

/// <summary>
/// A protected value could not be decrypted. The message names the record (the associated
/// data), never the value.
/// </summary>
public sealed class SecretUnprotectException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SecretUnprotectException() : base("A protected value could not be decrypted.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public SecretUnprotectException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public SecretUnprotectException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
