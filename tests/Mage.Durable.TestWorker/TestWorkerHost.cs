using Mage.Durable.Backend.AzureStorage;
using Mage.Durable.TestWorker.Activities;
using Mage.Durable.TestWorker.Orchestrations;
using Mage.Durable.Worker;
using Mage.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mage.Durable.TestWorker;

/// <summary>
/// Builds a durable worker with the test orchestrations and activities on the Azure Storage backend. Used by
/// this program (one worker per process) and by in-process callers (benchmarks). Dispose the provider to stop.
/// </summary>
public static class TestWorkerHost
{
    /// <summary>Registers the test orchestrations and activities.</summary>
    public static DurableTaskBuilder AddTestTasks(this DurableTaskBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddOrchestrator<ChaosOrchestrator>()
            .AddOrchestrator<PinnedOrchestrator>()
            .AddOrchestrator<ChainOrchestrator>()
            .AddOrchestrator<FanOutOrchestrator>()
            .AddActivity<RecordExecutionActivity>()
            .AddActivity<WhoAmIActivity>()
            .AddActivity<NoopActivity>();
    }

    /// <summary>A service provider holding a started-on-demand worker, its backend and a client.</summary>
    public static ServiceProvider Build(StorageAccount account, TestWorkerSettings settings, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(settings);
        var services = new ServiceCollection();
        services.AddLogging(l => logging?.Invoke(l));
        services.AddSingleton(new ExecutionLog(account, settings.TaskHub));
        services.AddSingleton(sp => new AzureStorageBackend(
            account,
            settings.BackendOptions(),
            TimeProvider.System,
            sp.GetRequiredService<ILogger<AzureStorageBackend>>()));
        services.AddDurableTask(b => b
            .AddTestTasks()
            .Configure(settings.Apply));
        services.AddSingleton<Backend.IOrchestrationBackend>(sp => sp.GetRequiredService<AzureStorageBackend>());
        return services.BuildServiceProvider();
    }
}
