using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mage.Builds.Jobs;
using Mage.Builds.Logs;
using Microsoft.Extensions.Logging;

namespace Mage.Builds.Drivers;

/// <summary>
/// The common part of drivers whose workspace is a folder on this machine:
/// <c>&lt;WorkRoot&gt;/&lt;buildId&gt;</c> (mode 0700) and, next to it and outside the workspace,
/// <c>&lt;WorkRoot&gt;/&lt;buildId&gt;.scripts</c> for job scripts (a job cannot rewrite the
/// script of a later job through its workspace). Subclasses decide how a script is started.
/// </summary>
/// <remarks>See <see cref="IBuildDriver"/> for the life, idempotency and cancellation contract. Thread-safe.</remarks>
public abstract class WorkspaceDriver : IBuildDriver
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly JobProcess jobProcess;
    private readonly RunningJobRegistry registry;

    /// <summary>Creates the driver.</summary>
    protected WorkspaceDriver(DriverOptions options, RunningJobRegistry registry, JobProcess jobProcess, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(jobProcess);
        ArgumentNullException.ThrowIfNull(logger);
        Options = options;
        WorkRoot = Path.GetFullPath(options.WorkRoot);
        this.registry = registry;
        this.jobProcess = jobProcess;
        Logger = logger;
    }

    /// <inheritdoc />
    public abstract string Type { get; }

    /// <summary>The absolute work root.</summary>
    public string WorkRoot { get; }

    /// <summary>The options given.</summary>
    protected DriverOptions Options { get; }

    /// <summary>The logger.</summary>
    protected ILogger Logger { get; }

    /// <inheritdoc />
    public DriverHandle HandleFor(string buildId) =>
        new(Type, BuildIds.Validate(buildId), Path.Combine(WorkRoot, buildId));

    /// <inheritdoc />
    public async Task<DriverHandle> CreateAsync(DriverCreateRequest request, IJobOutput log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var handle = HandleFor(request.BuildId) with { Network = request.Network };
        if (CheckAvailable() is { } missing)
        {
            await log.WriteLineAsync("[mage] " + missing, cancellationToken);
            throw new DriverUnavailableException(missing);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(PlatformGuard.Message);
        }

        Directory.CreateDirectory(WorkRoot, OwnerOnly);
        CreatePrivateDirectory(handle.Workspace);
        CreatePrivateDirectory(ScriptsFolder(handle.BuildId));
        DriverLog.Created(Logger, Type, handle.BuildId, handle.Workspace);
        await log.WriteLineAsync($"[mage] driver {Type}: workspace ready" + (request.Network ? " (network allowed)" : ""), cancellationToken);
        return handle;
    }

    /// <inheritdoc />
    public async Task<JobRunResult> RunJobAsync(DriverHandle handle, JobRunRequest job, IJobOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(output);
        Verify(handle);
        if (!Directory.Exists(handle.Workspace))
        {
            throw new DirectoryNotFoundException(
                $"the workspace of build {handle.BuildId} is gone (destroyed, or created on another worker)");
        }

        var script = Path.Combine(ScriptsFolder(handle.BuildId), ScriptFileName(job.JobName));
        await WriteScriptAsync(script, job.Script, cancellationToken);
        try
        {
            var start = CreateStart(handle, script, JobEnvironment(handle, job.Environment), job.Timeout);
            return await jobProcess.RunAsync(handle.BuildId, job.JobName, start, output, cancellationToken);
        }
        finally
        {
            try
            {
                File.Delete(script);
            }
            catch (DirectoryNotFoundException)
            {
                // A destroy (kill) removed the scripts folder while the job ran.
            }
        }
    }

    /// <inheritdoc />
    public async Task DestroyAsync(DriverHandle handle, CancellationToken cancellationToken)
    {
        Verify(handle);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Options.DestroyTimeout);

        // Jobs must not outlive their workspace: stop them first (a no-op when none run).
        var killed = await registry.KillJobsAsync(handle.BuildId).WaitAsync(deadline.Token);
        await Task.Run(
            () =>
            {
                WorkspaceCleaner.DeleteTree(handle.Workspace, Logger);
                WorkspaceCleaner.DeleteTree(ScriptsFolder(handle.BuildId), Logger);
            },
            deadline.Token);
        registry.Forget(handle.BuildId);
        DriverLog.Destroyed(Logger, Type, handle.BuildId, killed);
    }

    /// <summary>Why the driver cannot run on this machine (a message for the user), or <see langword="null"/>.</summary>
    protected abstract string? CheckAvailable();

    /// <summary>How to start <paramref name="scriptPath"/> with <c>/bin/sh</c> for <paramref name="handle"/>.</summary>
    protected abstract JobProcessStart CreateStart(
        DriverHandle handle,
        string scriptPath,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan? timeout);

    /// <summary>The folder holding the build's job scripts, outside the workspace.</summary>
    protected string ScriptsFolder(string buildId) => Path.Combine(WorkRoot, buildId + ".scripts");

    private Dictionary<string, string> JobEnvironment(DriverHandle handle, IReadOnlyDictionary<string, string> requested)
    {
        // A minimal base that the job's own variables override; nothing of the worker's environment.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = Options.DefaultPath,
            ["HOME"] = handle.Workspace,
            ["LANG"] = "C.UTF-8",
        };
        foreach (var (name, value) in requested ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return environment;
    }

    private void Verify(DriverHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        string? problem = null;
        if (!string.Equals(handle.DriverType, Type, StringComparison.Ordinal))
        {
            problem = $"the handle is for driver {handle.DriverType}, not {Type}";
        }
        else if (!BuildIds.IsValid(handle.BuildId))
        {
            problem = "the build id is not valid";
        }
        else if (!string.Equals(Path.GetFullPath(handle.Workspace), Path.Combine(WorkRoot, handle.BuildId), StringComparison.Ordinal))
        {
            problem = "the workspace is not the build's folder under the work root";
        }

        if (problem is not null)
        {
            DriverLog.HandleRefused(Logger, Type, handle.BuildId ?? "", problem);
            throw new ArgumentException($"driver handle refused: {problem}", nameof(handle));
        }
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(PlatformGuard.Message);
        }

        var existing = new DirectoryInfo(path);
        if (existing.LinkTarget is not null)
        {
            throw new IOException($"{path} is a symbolic link; refusing to use it as a workspace");
        }

        // Idempotent: a repeated Create (at-least-once activity) reuses the folder.
        Directory.CreateDirectory(path, OwnerOnly);
        File.SetUnixFileMode(path, OwnerOnly);
    }

    private static async Task WriteScriptAsync(string path, string script, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(PlatformGuard.Message);
        }

        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await using var stream = new FileStream(path, options);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(script), cancellationToken);
    }

    // djinn: "<job name>.sh" with spaces as '-'. Also anything that is not safe in a file name, and
    // a random part so that jobs of the same (sanitized) name never share a file.
    private static string ScriptFileName(string jobName)
    {
        var safe = new StringBuilder();
        foreach (var c in jobName.AsSpan(0, Math.Min(jobName.Length, 64)))
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        return string.Create(CultureInfo.InvariantCulture, $"{safe}.{random}.sh");
    }
}
