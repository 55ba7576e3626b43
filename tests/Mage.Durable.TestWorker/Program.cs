using System.Runtime.InteropServices;
using Mage.Durable.TestWorker;
using Mage.Durable.Worker;
using Mage.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// One durable worker on the Azure Storage backend with the test orchestrations. Configuration comes from the
// environment (the connection string holds a key, so never the command line). Prints "ready" once receiving;
// SIGTERM or end of stdin stops it gracefully; tests kill it with SIGKILL to simulate a crash.
string? connection = Environment.GetEnvironmentVariable(TestWorkerSettings.StorageVariable);
string? hub = Environment.GetEnvironmentVariable(TestWorkerSettings.TaskHubVariable);
string? workerId = Environment.GetEnvironmentVariable(TestWorkerSettings.WorkerIdVariable);
if (string.IsNullOrEmpty(connection) || string.IsNullOrEmpty(hub) || string.IsNullOrEmpty(workerId))
{
    Console.Error.WriteLine($"set {TestWorkerSettings.StorageVariable}, {TestWorkerSettings.TaskHubVariable} and {TestWorkerSettings.WorkerIdVariable}");
    return 2;
}

LogLevel level = Enum.TryParse(Environment.GetEnvironmentVariable(TestWorkerSettings.LogLevelVariable), out LogLevel parsed) ? parsed : LogLevel.Warning;
await using ServiceProvider provider = TestWorkerHost.Build(
    StorageAccount.Parse(connection),
    new TestWorkerSettings(hub, workerId),
    l => l.SetMinimumLevel(level).AddSimpleConsole(o => o.SingleLine = true));
DurableTaskWorker worker = provider.GetRequiredService<DurableTaskWorker>();
await provider.GetRequiredService<Mage.Durable.Backend.AzureStorage.AzureStorageBackend>().InitializeAsync(CancellationToken.None);
await worker.StartAsync(CancellationToken.None);
Console.WriteLine("ready " + workerId);

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});
_ = Task.Run(async () =>
{
    while (await Console.In.ReadLineAsync() is not null)
    {
    }

    stop.TrySetResult();
});
await stop.Task;
await worker.StopAsync(CancellationToken.None);
return 0;
