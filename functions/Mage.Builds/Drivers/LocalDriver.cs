using Mage.Builds.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Builds.Drivers;

/// <summary>
/// The <c>local</c> driver (djinn's <c>os</c>): jobs run on this machine as <c>/bin/sh &lt;script&gt;</c>
/// in the workspace, each in its own session and process group, with only the environment the
/// job gives (plus PATH, HOME, LANG). No isolation beyond that: for trusted builds and tests.
/// </summary>
/// <remarks>See <see cref="IBuildDriver"/> and <see cref="WorkspaceDriver"/>. Thread-safe.</remarks>
public sealed class LocalDriver : WorkspaceDriver
{
    /// <summary>The type name (<c>os</c> is an alias in <see cref="DriverRegistry"/>).</summary>
    public const string TypeName = "local";

    /// <summary>Creates the driver.</summary>
    public LocalDriver(DriverOptions options, RunningJobRegistry registry, JobProcess jobProcess, ILogger<LocalDriver>? logger = null)
        : base(options, registry, jobProcess, logger ?? (ILogger)NullLogger.Instance)
    {
    }

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    protected override string? CheckAvailable() =>
        SessionLauncher.Find() is null ? SessionLauncher.MissingMessage : null;

    /// <inheritdoc />
    protected override JobProcessStart CreateStart(
        DriverHandle handle,
        string scriptPath,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return new JobProcessStart("/bin/sh", [scriptPath], handle.Workspace, environment, timeout);
    }
}
