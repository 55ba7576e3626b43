using Mage.Durable;
using Mage.Durable.Backend;
using Mage.Durable.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DI registration of the durable runtime.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Registers the worker (as a hosted service), the client, the worker identity and the tasks configured in
    /// <paramref name="configure"/>, for example
    /// <c>services.AddDurableTask(b => b.UseInMemoryBackend().AddOrchestrator&lt;MyOrch&gt;().AddActivity&lt;MyAct&gt;())</c>.
    /// A backend must be chosen (UseBackend/UseInMemoryBackend or an <see cref="IOrchestrationBackend"/> registration).
    /// Uses the <see cref="TimeProvider"/> from DI, else the system clock. Can be called more than once.
    /// </summary>
    public static IServiceCollection AddDurableTask(this IServiceCollection services, Action<DurableTaskBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddDurableTaskClient();
        DurableTaskRegistry registry = GetOrAddRegistry(services);
        services.TryAddSingleton<IDurableWorkerIdentity, DurableWorkerIdentity>();
        if (!services.Any(d => d.ServiceType == typeof(DurableTaskWorker)))
        {
            services.AddSingleton<DurableTaskWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<DurableTaskWorker>());
        }

        configure(new DurableTaskBuilder(services, registry));
        return services;
    }

    /// <summary>Registers only <see cref="Mage.Durable.DurableTaskClient"/> (for processes that start but do not run orchestrations).</summary>
    public static IServiceCollection AddDurableTaskClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Mage.Durable.DurableTaskClient, Mage.Durable.BackendDurableTaskClient>();
        return services;
    }

    private static DurableTaskRegistry GetOrAddRegistry(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(DurableTaskRegistry))?.ImplementationInstance is DurableTaskRegistry existing)
        {
            return existing;
        }

        var registry = new DurableTaskRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
