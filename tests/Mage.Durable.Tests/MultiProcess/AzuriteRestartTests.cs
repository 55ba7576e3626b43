using Mage.Storage;
using System.Diagnostics;
using System.Globalization;
using Mage.Durable.TestWorker;
using Mage.Durable.TestWorker.Orchestrations;
using Mage.Azurite;
using Mage.Testing;

namespace Mage.Durable.Tests.MultiProcess;

/// <summary>
/// Storage goes away under running workers: a dedicated Azurite (own ports, own data folder on disk) is stopped in
/// the middle of a run and started again on the same ports and data. Workers ride out the outage and finish.
/// </summary>
public sealed class AzuriteRestartTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), TestNames.Unique("azurite-restart"));
    private AzuriteLauncher? _azurite;

    public async Task InitializeAsync() => _azurite = await AzuriteLauncher.StartAsync(Options(0, 0, 0));

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task AzuriteRestartedMidRun_WorkersResume_AndEveryOrchestrationCompletesOnce()
    {
        AzuriteLauncher azurite = _azurite!;
        string hub = TestNames.Unique("restart");
        string connection = azurite.ConnectionString;
        await using var hubClient = new TaskHubClient(StorageAccount.Parse(azurite.ConnectionString), hub);
        TestWorkerProcess[] workers = [new(connection, hub, "one"), new(connection, hub, "two")];
        try
        {
            await Task.WhenAll(workers.Select(w => w.StartAsync(TimeSpan.FromSeconds(60))));
            var inputs = new Dictionary<string, ChaosInput>(StringComparer.Ordinal);
            for (int i = 0; i < 20; i++)
            {
                string id = string.Create(CultureInfo.InvariantCulture, $"restart-{i:D2}");
                inputs[id] = new ChaosInput(FanOut: 4, Sequential: 3, TimerSeconds: 2 + (i % 5));
                await hubClient.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChaosOrchestrator), inputs[id], new StartOrchestrationOptions(id));
            }

            // Down while fan-outs finish and timers are pending; up again on the same ports and data.
            await Task.Delay(1000);
            await StopGracefullyAsync(azurite);
            await Task.Delay(TimeSpan.FromSeconds(4));
            _azurite = azurite = await AzuriteLauncher.StartAsync(Options(azurite.BlobPort, azurite.QueuePort, azurite.TablePort));

            foreach (string id in inputs.Keys)
            {
                await hubClient.Client.RaiseEventAsync(id, ChaosOrchestrator.GoEvent, "go-" + id);
            }

            Dictionary<string, OrchestrationMetadata> done = await hubClient.WaitForAllAsync(
                [.. inputs.Keys], TimeSpan.FromMinutes(2), () => string.Join('\n', workers.Select(w => w.Tail)));
            foreach ((string id, OrchestrationMetadata meta) in done)
            {
                await hubClient.AssertChaosOutcomeAsync(meta, inputs[id], "go-" + id);
            }

            Assert.All(workers, w => Assert.True(w.IsRunning, $"worker {w.WorkerId} died during the outage:\n{w.Tail}"));
            await hubClient.AssertQueuesDrainAsync(workers.Select(w => w.QueueName), TimeSpan.FromSeconds(60));
        }
        finally
        {
            foreach (TestWorkerProcess w in workers)
            {
                await w.DisposeAsync();
            }
        }
    }

    private AzuriteOptions Options(int blob, int queue, int table) => new()
    {
        InfraLocalPath = RepositoryRoot.InfraLocal,
        DataPath = _data,
        BlobPort = blob,
        QueuePort = queue,
        TablePort = table,
    };

    /// <summary>SIGTERM to the watchdog, which passes it on so Azurite saves its data; returns once the ports are closed.</summary>
    private static async Task StopGracefullyAsync(AzuriteLauncher azurite)
    {
        using (Process kill = Process.Start("kill", ["-TERM", azurite.ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await AzuriteLauncher.IsListeningAsync(azurite.Host, azurite.QueuePort, null, timeout.Token)
               || await AzuriteLauncher.IsListeningAsync(azurite.Host, azurite.TablePort, null, timeout.Token)
               || await AzuriteLauncher.IsListeningAsync(azurite.Host, azurite.BlobPort, null, timeout.Token))
        {
            await Task.Delay(100, timeout.Token);
        }

        await azurite.DisposeAsync();
    }
}
