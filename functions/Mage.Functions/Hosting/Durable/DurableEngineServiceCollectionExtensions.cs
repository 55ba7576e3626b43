using DurableTask.AzureStorage;
using Mage.Builds;
using Mage.Builds.Durable;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mage.Functions.Hosting.Durable;

/// <summary>Registers the durable engine (<see cref="DurableEngine"/>), its hosted service and the <see cref="DurableTaskClient"/>.</summary>
public static class DurableEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine on the app's storage (<c>AzureWebJobsStorage</c>), task hub <c>Mage__TaskHub</c>,
    /// settings <c>Mage__Durable__*</c>. Call after the storage hosted services, so the engine starts after them.
    /// The engine hosts the build's tasks unless a <see cref="DurableEngineTasks"/> was registered before.
    /// </summary>
    public static IServiceCollection AddDurableEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DurableEngineOptions>().Bind(configuration.GetSection(DurableEngineOptions.Section))
            .Validate(o => o.Validate() is null, "invalid Mage__Durable__* settings")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DurableEngineOptions>>().Value;
            return options.Validate() is { } problem ? throw new InvalidOperationException(problem) : options;
        });
        services.TryAddSingleton(DurableEngineTasks.Builds);
        services.AddSingleton(sp => new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = BuildPayloads.Converter }, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => CreateSettings(sp, configuration));
        services.AddSingleton(sp => new AzureStorageOrchestrationService(sp.GetRequiredService<AzureStorageOrchestrationServiceSettings>()));
        services.AddSingleton<DurableEngine>();
        services.AddSingleton<DurableTaskClient, TaskHubDurableTaskClient>();
        services.AddHostedService<DurableEngineHostedService>();
        return services;
    }

    private static AzureStorageOrchestrationServiceSettings CreateSettings(IServiceProvider services, IConfiguration configuration)
    {
        var options = services.GetRequiredService<DurableEngineOptions>();
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = services.GetRequiredService<MageOptions>().TaskHub,
            StorageAccountClientProvider = StorageSettings.CreateEngineClientProvider(configuration),
            LoggerFactory = services.GetRequiredService<ILoggerFactory>(),

            // Several app processes may run on one machine: the provider's default (the machine name) would make them one owner of the leases.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}",

            // One app per task hub: the app lease (which pauses a second app name) only adds a blob lease and its renewals.
            UseAppLease = false,
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ExtendedSessionsEnabled = options.ExtendedSessions,
            ExtendedSessionIdleTimeout = options.ExtendedSessionIdleTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibility,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibility,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
        };
    }
}
