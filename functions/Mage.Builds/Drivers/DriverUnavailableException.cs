namespace Mage.Builds.Drivers;

/// <summary>An enabled driver cannot work on this machine, for example because a tool it needs is not installed.</summary>
public sealed class DriverUnavailableException : Exception
{
    /// <summary>Creates the exception with a message for the user (what is missing and how to install it).</summary>
    public DriverUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>For analyzers; prefer the message constructor.</summary>
    public DriverUnavailableException()
    {
    }

    /// <summary>For analyzers; prefer the message constructor.</summary>
    public DriverUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
