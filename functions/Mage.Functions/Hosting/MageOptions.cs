namespace Mage.Functions.Hosting;

/// <summary>The <c>Mage</c> settings section (api.md, "Settings"). Bound once at start-up.</summary>
public sealed class MageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Mage";

    /// <summary>Admin key; generated into <c>.mage/admin.key</c> in local development when unset.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Prefix of the tables, queues and containers this app owns.</summary>
    public string TaskHub { get; set; } = "mage";

    /// <summary>Where the local drivers keep workspaces; relative paths are under the app root.</summary>
    public string WorkRoot { get; set; } = ".mage/work";

    /// <summary>Limit on driver creation.</summary>
    public TimeSpan DriverCreateTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whole-build limit; a manifest may ask for less.</summary>
    public TimeSpan BuildTimeout { get; set; } = TimeSpan.FromHours(1);
}
