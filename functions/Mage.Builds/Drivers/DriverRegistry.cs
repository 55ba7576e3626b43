namespace Mage.Builds.Drivers;

/// <summary>
/// Driver type name → driver, limited to the drivers this deployment enables.
/// <c>os</c> is an alias of <c>local</c>; <c>docker</c>, <c>qemu</c>, <c>qemu-x86_64</c> and
/// <c>ssh</c> are valid manifest syntax but not implemented, so they are never enabled.
/// </summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
public sealed class DriverRegistry
{
    /// <summary>Every driver type a manifest may name.</summary>
    public static readonly IReadOnlyList<string> KnownTypes =
        ["local", "os", SandboxDriver.TypeName, "docker", "qemu", "qemu-x86_64", "ssh"];

    private readonly Dictionary<string, IBuildDriver> enabled = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers <paramref name="drivers"/>, keeping those named in <paramref name="enabledDrivers"/>
    /// (<see langword="null"/>: every given driver).
    /// </summary>
    public DriverRegistry(IEnumerable<IBuildDriver> drivers, IEnumerable<string>? enabledDrivers = null)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        var allowed = enabledDrivers?.Select(n => Normalize(n.Trim())).ToHashSet(StringComparer.Ordinal);
        foreach (var driver in drivers)
        {
            if (allowed is null || allowed.Contains(driver.Type))
            {
                enabled[driver.Type] = driver;
            }
        }
    }

    /// <summary>The enabled driver types (canonical names).</summary>
    public IReadOnlyCollection<string> EnabledTypes => enabled.Keys;

    /// <summary>The canonical name of a driver type: <c>os</c> → <c>local</c>.</summary>
    public static string Normalize(string driverType)
    {
        ArgumentNullException.ThrowIfNull(driverType);
        return driverType == "os" ? LocalDriver.TypeName : driverType;
    }

    /// <summary>Whether <paramref name="driverType"/> can be used here.</summary>
    public bool IsEnabled(string driverType) => enabled.ContainsKey(Normalize(driverType));

    /// <summary>The driver for <paramref name="driverType"/>.</summary>
    /// <exception cref="DriverNotEnabledException">It is unknown, not implemented or not enabled.</exception>
    public IBuildDriver Get(string driverType)
    {
        ArgumentNullException.ThrowIfNull(driverType);
        if (enabled.TryGetValue(Normalize(driverType), out var driver))
        {
            return driver;
        }

        if (!KnownTypes.Contains(driverType))
        {
            throw new DriverNotEnabledException(
                driverType,
                $"driver {driverType} is not a known driver type (known: {string.Join(", ", KnownTypes)})");
        }

        throw new DriverNotEnabledException(driverType);
    }
}
