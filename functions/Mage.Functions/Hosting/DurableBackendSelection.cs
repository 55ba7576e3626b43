using Mage.Builds;
using Mage.Durable;
using Mage.Durable.Backend;
using Mage.Durable.Backend.AzureStorage;
using Mage.Durable.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mage.Functions.Hosting;

/// <summary>
/// Chooses where orchestrations live: <c>AzureStorage</c> (the default; builds survive restarts
/// and several app instances share the work) or <c>InMemory</c> (<c>Mage__Durable__Backend</c>,
/// for a throwaway local run).
/// </summary>
public static class DurableBackendSelection
{
    /// <summary>Setting that names the backend.</summary>
    public const string Setting = "Mage:Durable:Backend";

    /// <summary>Setting: how long a worker holds an orchestration's messages while it runs an episode.</summary>
    public const string OrchestrationLeaseSetting = "Mage:Durable:OrchestrationLease";

    /// <summary>Registers the configured backend on <paramref name="durable"/>.</summary>
    public static void Configure(DurableTaskBuilder durable, IConfiguration configuration)
    {
        // Build episodes take milliseconds; a short lease means that messages a killed app was
        // holding come back to the survivors in seconds rather than the runtime's default minutes.
        var lease = configuration.GetValue(OrchestrationLeaseSetting, TimeSpan.FromSeconds(30));
        durable.Services.Configure<DurableTaskWorkerOptions>(o => o.OrchestrationLease = lease);
        var choice = configuration[Setting] is { Length: > 0 } value ? value : "AzureStorage";
        if (choice.Equals("InMemory", StringComparison.OrdinalIgnoreCase))
        {
            durable.UseInMemoryBackend();
            return;
        }

        if (!choice.Equals("AzureStorage", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Mage__Durable__Backend is '{choice}'; use AzureStorage (default) or InMemory.");
        }

        // One backend per process, named after this worker so its affinity queue is <hub>-worker-<id>.
        durable.Services.Replace(ServiceDescriptor.Singleton<IOrchestrationBackend>(sp => new AzureStorageBackend(
            DurableStorageAccount.Create(configuration),
            new AzureStorageBackendOptions
            {
                TaskHub = sp.GetRequiredService<MageOptions>().TaskHub,
                WorkerId = sp.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.WorkerId,
            },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AzureStorageBackend>>())));
    }
}
