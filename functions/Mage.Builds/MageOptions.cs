namespace Mage.Builds;

/// <summary>
/// The <c>Mage</c> settings section (api.md, "Settings"), bound once at start-up.
/// Environment spelling: <c>Mage__TaskHub</c>, <c>Mage__Drivers__Enabled</c>, …
/// </summary>
public sealed class MageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Mage";

    /// <summary>Prefix of the tables, queues and containers this app owns (letters and digits).</summary>
    public string TaskHub { get; set; } = "mage";

    /// <summary>Where the local drivers keep workspaces; relative paths are under the app root.</summary>
    public string WorkRoot { get; set; } = ".mage/work";

    /// <summary>Limit on driver creation.</summary>
    public TimeSpan DriverCreateTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whole-build limit; a manifest may ask for less.</summary>
    public TimeSpan BuildTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Driver settings.</summary>
    public DriverSettings Drivers { get; set; } = new();

    /// <summary>The manifest limits of this deployment: job and build timeouts may not exceed <see cref="BuildTimeout"/>.</summary>
    public Mage.Manifests.ManifestLimits ManifestLimits =>
        Mage.Manifests.ManifestLimits.Default with { MaxBuildTimeout = BuildTimeout, MaxJobTimeout = BuildTimeout };

    /// <summary>Most jobs of one stage that run at once.</summary>
    public int MaxParallelJobs { get; set; } = 8;

    /// <summary>Largest single artifact collected; larger ones are refused with a message in the job log.</summary>
    public long MaxArtifactBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Largest job log kept; beyond it output is dropped behind a marker line.</summary>
    public long MaxLogBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Largest request body accepted by the build trigger.</summary>
    public long MaxSubmitBytes { get; set; } = 2L * 1024 * 1024;

    /// <summary>How often a running job refreshes the heartbeat of its claim (one table write each time).</summary>
    public TimeSpan JobHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How old a job claim's heartbeat may get before the worker running it counts as stopped: a
    /// redelivered job activity then records the job failed ("the worker running this job stopped")
    /// instead of running its script a second time. At least twice <see cref="JobHeartbeatInterval"/>.
    /// Measured on storage's clock (the claim's last write against the time it is read), so workers
    /// whose clocks disagree neither give up on a live worker nor trust a dead one longer.
    /// </summary>
    public TimeSpan JobHeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a build may stay <c>queued</c> without an orchestration before the recovery sweep
    /// schedules it (the app stopped between recording and scheduling it).
    /// </summary>
    public TimeSpan StrandedBuildGrace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the recovery sweep looks for stranded builds.</summary>
    public TimeSpan StrandedBuildSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Driver settings (<c>Mage__Drivers__*</c>).</summary>
    public sealed class DriverSettings
    {
        /// <summary>Comma-separated driver types this deployment runs.</summary>
        public string Enabled { get; set; } = "local,sandbox";

        /// <summary><see cref="Enabled"/> as a set (the driver registry maps djinn's <c>os</c> onto <c>local</c>).</summary>
        public IReadOnlySet<string> EnabledSet =>
            Enabled.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(x => x.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }
}
