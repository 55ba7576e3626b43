using System.Diagnostics;
using Mage.Azurite;
using Mage.Testing;

namespace Mage.Azurite.Tests;

public sealed class AzuriteLauncherTests
{
    internal static string ConnectionStringFor(int blobPort, int? queuePort = null, int? tablePort = null) =>
        AzuriteLauncher.BuildConnectionString("127.0.0.1", blobPort, queuePort ?? blobPort, tablePort ?? blobPort);

    private static async Task<bool> WaitUntilClosedAsync(int port, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (!await AzuriteLauncher.IsListeningAsync("127.0.0.1", port))
            {
                return true;
            }
            await Task.Delay(200);
        }
        return false;
    }

    [Fact]
    public async Task StartAsync_PersistentDataFolder_ServesAllThreeAndDisposeStopsIt()
    {
        string data = Directory.CreateTempSubdirectory("mage-azurite-test-").FullName;
        try
        {
            AzuriteLauncher launcher = await AzuriteLauncher.StartAsync(new AzuriteOptions
            {
                InfraLocalPath = RepositoryRoot.InfraLocal,
                DataPath = data,
                BlobPort = 0,
                QueuePort = 0,
                TablePort = 0,
            });
            await using (launcher)
            {
                Assert.True(await AzuriteLauncher.IsListeningAsync(launcher.Host, launcher.QueuePort));
                Assert.True(await AzuriteLauncher.IsListeningAsync(launcher.Host, launcher.TablePort));
            }
            Assert.True(await WaitUntilClosedAsync(launcher.BlobPort, TimeSpan.FromSeconds(10)));
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(data));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Watchdog_ParentKilled_AzuriteExitsAndPortCloses()
    {
        using Process parent = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "sleep 300"]) { UseShellExecute = false })!;
        await using AzuriteLauncher launcher = await AzuriteLauncher.StartAsync(
            AzuriteOptions.Ephemeral(RepositoryRoot.InfraLocal) with { ParentProcessId = parent.Id });
        Assert.True(await AzuriteLauncher.IsListeningAsync(launcher.Host, launcher.BlobPort));

        parent.Kill(); // SIGKILL: the parent gets no chance to clean up.
        await parent.WaitForExitAsync();

        Assert.True(await WaitUntilClosedAsync(launcher.BlobPort, TimeSpan.FromSeconds(15)), "Azurite kept listening after its parent died");
        Assert.True(await WaitUntilClosedAsync(launcher.TablePort, TimeSpan.FromSeconds(5)));
    }

    // Seen on CI: emulators left running after their test host had gone, with no watchdog left.
    [Fact]
    public async Task Watchdog_ItselfTerminated_StillKillsAChildThatIgnoresTerm()
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", AzuriteLauncher.WatchdogScript, "azurite-watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "/bin/sh", "-c", "trap '' TERM; echo $$; while :; do sleep 1; done" })
        {
            start.ArgumentList.Add(arg);
        }

        using var watchdog = Process.Start(start)!;
        var child = int.Parse((await watchdog.StandardOutput.ReadLineAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            using (var term = Process.Start("kill", ["-TERM", watchdog.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            var clock = Stopwatch.StartNew();
            while (Directory.Exists($"/proc/{child}") && clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
            }

            Assert.False(Directory.Exists($"/proc/{child}"), "the child outlived its terminated watchdog");
        }
        finally
        {
            using var cleanup = Process.Start("kill", ["-KILL", child.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await cleanup.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task StartAsync_MissingDataPathWithoutInMemory_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => AzuriteLauncher.StartAsync(new AzuriteOptions { InfraLocalPath = RepositoryRoot.InfraLocal }));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task IsListening_FreePort_ReturnsFalse()
    {
        Assert.False(await AzuriteLauncher.IsListeningAsync("127.0.0.1", FreePort()));
    }
}
