using Mage.Builds.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Builds.Drivers;

/// <summary>
/// The <c>sandbox</c> driver: like <see cref="LocalDriver"/>, but each job runs inside bubblewrap
/// (<c>bwrap</c>) namespaces: the root file system read-only, the workspace the only writable path
/// (bound at the same path), a private <c>/tmp</c>, <c>/proc</c> and <c>/dev</c>, every namespace
/// unshared (no network unless the build asks), a new session (no terminal injection), and the
/// sandbox dies with its parent.
/// </summary>
/// <remarks>
/// <para>Stopping: bwrap runs under <c>setsid --fork --wait</c>; a stop sends SIGTERM to that setsid
/// process, whose death kills bwrap and the whole sandbox (SIGKILL through <c>--die-with-parent</c>),
/// so in the sandbox a kill is immediate rather than graceful. When the script exits, the PID
/// namespace ends and takes every background process with it.</para>
/// <para>See <see cref="IBuildDriver"/>. Thread-safe.</para>
/// </remarks>
public sealed class SandboxDriver : WorkspaceDriver
{
    /// <summary>The type name.</summary>
    public const string TypeName = "sandbox";

    /// <summary>The message when bubblewrap is missing.</summary>
    public const string MissingMessage = "driver sandbox needs bubblewrap (bwrap): apt-get install bubblewrap";

    private static readonly string[] Candidates = ["/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap"];

    /// <summary>Creates the driver.</summary>
    public SandboxDriver(DriverOptions options, RunningJobRegistry registry, JobProcess jobProcess, ILogger<SandboxDriver>? logger = null)
        : base(options, registry, jobProcess, logger ?? (ILogger)NullLogger.Instance)
    {
    }

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <summary>The path of <c>bwrap</c>, or <see langword="null"/> when bubblewrap is not installed.</summary>
    public static string? FindBubblewrap() => Candidates.FirstOrDefault(File.Exists);

    /// <inheritdoc />
    protected override string? CheckAvailable() =>
        FindBubblewrap() is null ? MissingMessage
        : SessionLauncher.Find() is null ? SessionLauncher.MissingMessage
        : null;

    /// <inheritdoc />
    protected override JobProcessStart CreateStart(
        DriverHandle handle,
        string scriptPath,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var bwrap = FindBubblewrap() ?? throw new DriverUnavailableException(MissingMessage);
        var scripts = Path.GetDirectoryName(scriptPath)!;

        // Order matters: later mounts go over earlier ones, so the workspace (often under /tmp)
        // is bound after the private /tmp.
        List<string> arguments =
        [
            "--ro-bind", "/", "/",
            "--dev", "/dev",
            "--proc", "/proc",
            "--tmpfs", "/tmp",
            "--bind", handle.Workspace, handle.Workspace,
            "--ro-bind", scripts, scripts,
            "--chdir", handle.Workspace,
            "--unshare-all",
        ];
        if (handle.Network)
        {
            arguments.Add("--share-net");
        }

        arguments.AddRange(["--die-with-parent", "--new-session", "--", "/bin/sh", scriptPath]);
        // ForkSession: bwrap's parent must be a process that lives as long as bwrap (see JobProcessStart).
        return new JobProcessStart(bwrap, arguments, handle.Workspace, environment, timeout, ForkSession: true);
    }
}
