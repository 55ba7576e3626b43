namespace Mage.Azurite;

/// <summary>Azurite exited while starting (bad arguments, port already in use...). The message carries its output tail.</summary>
public sealed class AzuriteExitedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public AzuriteExitedException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public AzuriteExitedException() { }

    /// <summary>Creates the exception.</summary>
    public AzuriteExitedException(string message, Exception innerException) : base(message, innerException) { }
}
