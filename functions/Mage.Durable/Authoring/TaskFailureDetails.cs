namespace Mage.Durable;

/// <summary>
/// Serializable description of an exception that escaped an activity or an orchestrator.
/// The original exception object never crosses a process boundary, so only its type name,
/// message and stack survive.
/// </summary>
/// <param name="ErrorType">Full name of the exception type.</param>
/// <param name="ErrorMessage">The exception message.</param>
/// <param name="StackTrace">The stack trace as text, if any.</param>
/// <param name="InnerFailure">Details of the inner exception, if any.</param>
public sealed record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace = null,
    TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Captures an exception (and its inner chain) as failure details.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // A TaskFailedException carries details from another process; surface those, not the wrapper.
        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));
    }

    /// <summary>True when <see cref="ErrorType"/> names <typeparamref name="TException"/> exactly.</summary>
    public bool IsCausedBy<TException>()
        where TException : Exception => ErrorType == typeof(TException).FullName;

    /// <inheritdoc/>
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
