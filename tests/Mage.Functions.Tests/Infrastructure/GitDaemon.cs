using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mage.Functions.Tests.Infrastructure;

/// <summary>
/// <c>git daemon</c> on a free loopback port exporting one folder of bare repositories: clones over
/// the network protocol, not only <c>file://</c>. Dispose stops it.
/// </summary>
public sealed class GitDaemon : IAsyncDisposable
{
    private readonly Process _process;

    private GitDaemon(Process process, int port) => (_process, Port) = (process, port);

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Starts serving <paramref name="basePath"/> and waits until it accepts connections.</summary>
    public static async Task<GitDaemon> StartAsync(string basePath)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1", $"--port={port}", $"--base-path={basePath}", basePath })
        {
            start.ArgumentList.Add(arg);
        }

        var daemon = new GitDaemon(Process.Start(start)!, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return daemon;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await daemon.DisposeAsync();
        throw new TimeoutException($"git daemon did not listen on {port} within 10 s.");
    }

    /// <summary>The <c>git://</c> URL of a repository under the base path.</summary>
    public string UrlOf(string repositoryName) => $"git://127.0.0.1:{Port}/{repositoryName}";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
