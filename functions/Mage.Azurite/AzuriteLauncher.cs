using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mage.Azurite;

/// <summary>
/// Starts the pinned Azurite (blob, queue, table) as a child process and stops it on
/// <see cref="DisposeAsync"/>. Azurite runs under a small <c>/bin/sh</c> watchdog that polls the parent
/// process every second (<c>kill -0</c>) and kills Azurite when the parent is gone, so an abruptly killed
/// app or test host never leaves an emulator holding its ports. Thread-safe for reads; dispose once.
/// </summary>
public sealed class AzuriteLauncher : IAsyncDisposable
{
    // $1 = parent pid, rest = the Azurite command. TERM first so Azurite can flush its data files, KILL if it lingers.
    // A signal to the watchdog itself takes the same way out: a TERM alone does not always end Azurite
    // (CI has left emulators running with no watchdog), and nobody would be watching it any more.
    internal const string WatchdogScript = """
        parent="$1"; shift
        "$@" &
        child=$!
        stop=
        trap 'stop=1' TERM INT HUP
        while [ -z "$stop" ] && kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
        kill -TERM "$child" 2>/dev/null
        i=0
        while kill -0 "$child" 2>/dev/null && [ "$i" -lt 5 ]; do sleep 1; i=$((i+1)); done
        kill -KILL "$child" 2>/dev/null
        wait "$child"
        """;

    private const int StartAttempts = 3;
    private readonly Process _process;
    private readonly OutputTail _output;
    private int _disposed;

    private AzuriteLauncher(Process process, OutputTail output, string host, int blob, int queue, int table)
    {
        _process = process;
        _output = output;
        Host = host;
        BlobPort = blob;
        QueuePort = queue;
        TablePort = table;
        ConnectionString = BuildConnectionString(host, blob, queue, table);
    }

    /// <summary>The host Azurite listens on.</summary>
    public string Host { get; }

    /// <summary>Blob port.</summary>
    public int BlobPort { get; }

    /// <summary>Queue port.</summary>
    public int QueuePort { get; }

    /// <summary>Table port.</summary>
    public int TablePort { get; }

    /// <summary>Process id of the watchdog shell (Azurite's parent).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The emulator's well-known account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known, published account key (not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Full connection string (well-known development key) for these ports.</summary>
    public string ConnectionString { get; }

    /// <summary>The last lines Azurite wrote (stdout and stderr), for diagnostics.</summary>
    public string OutputTail => _output.ToString();

    /// <summary>A development-account connection string for an emulator on the given ports.</summary>
    public static string BuildConnectionString(string host, int blobPort, int queuePort, int tablePort) =>
        string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};" +
            $"BlobEndpoint=http://{host}:{blobPort}/{DevelopmentAccountName};" +
            $"QueueEndpoint=http://{host}:{queuePort}/{DevelopmentAccountName};" +
            $"TableEndpoint=http://{host}:{tablePort}/{DevelopmentAccountName};");

    /// <summary>True when something accepts TCP connections on host:port (e.g. an emulator the developer already runs).</summary>
    public static async Task<bool> IsListeningAsync(string host, int port, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(1));
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Installs Azurite if needed (<c>npm ci</c> through <see cref="NodePackagesInstaller"/>, safe when several
    /// processes start at once; <see cref="AzuriteOptions.Installing"/> is told first), starts it and waits until all three ports answer.
    /// Throws <see cref="InvalidOperationException"/> when Node.js is missing and <see cref="TimeoutException"/>
    /// (with Azurite's output tail) when it does not come up.
    /// </summary>
    public static async Task<AzuriteLauncher> StartAsync(AzuriteOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.InMemoryPersistence && string.IsNullOrEmpty(options.DataPath))
        {
            throw new ArgumentException("DataPath is required unless InMemoryPersistence is set.", nameof(options));
        }
        string infraLocal = Path.GetFullPath(options.InfraLocalPath);
        if (!File.Exists(Path.Combine(infraLocal, "package.json")))
        {
            throw new ArgumentException($"'{infraLocal}' holds no package.json pinning Azurite.", nameof(options));
        }
        string node = NodeTooling.FindExecutable("node");
        string version = NodeTooling.PinnedAzuriteVersion(infraLocal);
        await NodePackagesInstaller.EnsureInstalledAsync(
            infraLocal, options.InstallTimeout, () => options.Installing?.Invoke(new AzuriteInstallNotice(version, infraLocal)), cancellationToken).ConfigureAwait(false);
        if (!File.Exists(NodeTooling.AzuriteScript(infraLocal)))
        {
            throw new InvalidOperationException($"Azurite's entry script {NodeTooling.AzuriteScript(infraLocal)} is missing after npm ci: does {infraLocal}/package.json still depend on azurite?");
        }

        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(options, node, infraLocal, cancellationToken).ConfigureAwait(false);
            }
            catch (AzuriteExitedException) when (attempt < StartAttempts && (options.BlobPort == 0 || options.QueuePort == 0 || options.TablePort == 0))
            {
                // A freshly picked port can be taken by someone else before Azurite binds it: pick again.
            }
        }
    }

    private static async Task<AzuriteLauncher> StartOnceAsync(AzuriteOptions options, string node, string infraLocal, CancellationToken cancellationToken)
    {
        int[] free = FreePorts(options.Host, 3);
        int blob = options.BlobPort == 0 ? free[0] : options.BlobPort;
        int queue = options.QueuePort == 0 ? free[1] : options.QueuePort;
        int table = options.TablePort == 0 ? free[2] : options.TablePort;
        // Azurite refuses --location together with --inMemoryPersistence.
        string? location = options.InMemoryPersistence ? null : Path.GetFullPath(options.DataPath!);
        if (location is not null)
        {
            Directory.CreateDirectory(location);
        }

        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = infraLocal,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(WatchdogScript);
        start.ArgumentList.Add("azurite-watchdog");
        start.ArgumentList.Add((options.ParentProcessId ?? Environment.ProcessId).ToString(CultureInfo.InvariantCulture));
        foreach (string arg in new[]
                 {
                     node, NodeTooling.AzuriteScript(infraLocal),
                     "--blobHost", options.Host, "--blobPort", blob.ToString(CultureInfo.InvariantCulture),
                     "--queueHost", options.Host, "--queuePort", queue.ToString(CultureInfo.InvariantCulture),
                     "--tableHost", options.Host, "--tablePort", table.ToString(CultureInfo.InvariantCulture),
                     "--silent", "--skipApiVersionCheck", "--disableTelemetry",
                 })
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add(location is null ? "--inMemoryPersistence" : "--location");
        if (location is not null)
        {
            start.ArgumentList.Add(location);
        }

        var output = new OutputTail(60);
        Process process = Process.Start(start) ?? throw new InvalidOperationException(NodeTooling.MissingNodeMessage);
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var launcher = new AzuriteLauncher(process, output, options.Host, blob, queue, table);
        try
        {
            await launcher.WaitUntilListeningAsync(options.StartupTimeout, cancellationToken).ConfigureAwait(false);
            return launcher;
        }
        catch
        {
            await launcher.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new AzuriteExitedException($"Azurite exited with code {_process.ExitCode} before listening on {Host}:{BlobPort}/{QueuePort}/{TablePort}. Output: {OutputTail}");
            }
            if (await IsListeningAsync(Host, BlobPort, null, cancellationToken).ConfigureAwait(false)
                && await IsListeningAsync(Host, QueuePort, null, cancellationToken).ConfigureAwait(false)
                && await IsListeningAsync(Host, TablePort, null, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Azurite did not listen on {Host}:{BlobPort}/{QueuePort}/{TablePort} within {timeout.TotalSeconds:0} s. Output: {OutputTail}");
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static int[] FreePorts(string host, int count)
    {
        // Hold all listeners until every port is chosen so the three differ.
        var listeners = new List<TcpListener>();
        try
        {
            for (int i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.TryParse(host, out IPAddress? ip) ? ip : IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    /// <summary>Kills Azurite and the watchdog (whole process tree) Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or refused to die within 10 s: nothing more a disposer can do.
        }
        _process.Dispose();
    }

    /// <summary>Kills Azurite synchronously (for ProcessExit handlers, where async work cannot complete).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already exited.
        }
    }
}
