namespace Mage.Builds.Drivers;

/// <summary>A manifest asked for a driver type this deployment does not run (not enabled, not implemented, or unknown).</summary>
public sealed class DriverNotEnabledException : Exception
{
    /// <summary>Creates the exception for <paramref name="driverType"/> with a message for the user.</summary>
    public DriverNotEnabledException(string driverType, string message)
        : base(message)
    {
        DriverType = driverType;
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public DriverNotEnabledException(string driverType)
        : this(driverType, $"driver {driverType} is not enabled on this deployment")
    {
    }

    /// <summary>For serializers and analyzers; prefer the other constructors.</summary>
    public DriverNotEnabledException()
        : this("unknown")
    {
    }

    /// <summary>For serializers and analyzers; prefer the other constructors.</summary>
    public DriverNotEnabledException(string message, Exception innerException)
        : base(message, innerException)
    {
        DriverType = "unknown";
    }

    /// <summary>The driver type asked for.</summary>
    public string DriverType { get; }
}
