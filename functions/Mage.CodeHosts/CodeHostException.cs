namespace Mage.CodeHosts;

/// <summary>
/// A code host refused a request or could not be reached. The message says what went wrong and
/// how to fix it, and never holds a token.
/// </summary>
public sealed class CodeHostException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="transient">True when the same call may succeed later (rate limits, 5xx, network, a lost race).</param>
    /// <param name="innerException">The cause, if any.</param>
    public CodeHostException(string message, bool transient, Exception? innerException = null)
        : base(message, innerException) => Transient = transient;

    /// <summary>Creates a permanent failure.</summary>
    public CodeHostException(string message)
        : this(message, transient: false)
    {
    }

    /// <summary>Creates a permanent failure with a cause.</summary>
    public CodeHostException(string message, Exception innerException)
        : this(message, transient: false, innerException)
    {
    }

    /// <summary>Creates a permanent failure with a generic message.</summary>
    public CodeHostException()
        : this("The code host refused the request.")
    {
    }

    /// <summary>True when the same call may succeed later; false when a person must change something first.</summary>
    public bool Transient { get; }

    /// <summary>The HTTP status the host answered, when the failure is an HTTP answer.</summary>
    public int? Status { get; init; }
}
