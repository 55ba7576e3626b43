using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mage.Testing;

/// <summary>
/// The app as a real operating-system process (<c>dotnet Mage.Functions.dll</c>) on a free loopback
/// port: what a crash test has to kill with SIGKILL and a benchmark has to run twice. Its output is
/// kept for failure messages. Dispose kills it if it still runs.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the app printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the app from <paramref name="appDll"/> with <paramref name="settings"/> as environment
    /// variables (<c>Mage:TaskHub</c> becomes <c>Mage__TaskHub</c>), and waits until <c>/api/health</c> answers 200.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string appDll, IReadOnlyDictionary<string, string?> settings, TimeSpan? startTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { appDll },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
        };
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitHealthyAsync(startTimeout ?? TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return app;
    }

    /// <summary>The app's dll next to the running program (test and benchmark projects reference the app, so the build copies it there).</summary>
    public static string BesideThisProgram() => Path.Combine(AppContext.BaseDirectory, "Mage.Functions.dll");

    /// <summary>SIGKILL to the app and every process it started: the machine-died case, no cleanup runs.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// SIGTERM to the app alone (what a rolling deploy or <c>docker stop</c> sends), then waits up to
    /// <paramref name="timeout"/> for it to exit. Returns how long the exit took, or null if it had not
    /// exited by then (it is left running; dispose kills it).
    /// </summary>
    public async Task<TimeSpan?> TerminateAsync(TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start."))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {_process.Id} exited with {kill.ExitCode}.");
            }
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            // Also waits for the redirected output to end, so Output is complete afterwards.
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        return stopwatch.Elapsed;
    }

    /// <summary>The exit code once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        KillHard();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} before it was healthy:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("api/health", UriKind.Relative)).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer while it starts.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        KillHard();
        throw new TimeoutException($"The app was not healthy within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
