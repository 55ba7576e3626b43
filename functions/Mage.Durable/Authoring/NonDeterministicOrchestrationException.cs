namespace Mage.Durable;

/// <summary>
/// Raised by the replay engine when the orchestrator code issues a different durable call than
/// the history recorded for the same sequence id. The engine fails the instance with this error
/// (the worker keeps running); it is never thrown into user code.
/// </summary>
public sealed class NonDeterministicOrchestrationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public NonDeterministicOrchestrationException()
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public NonDeterministicOrchestrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
