using Mage.Durable.Backend;
using Mage.Durable.Backend.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mage.Durable.Worker;

/// <summary>Registers orchestrators, activities, the backend and worker options. Used inside <c>AddDurableTask</c>.</summary>
public sealed class DurableTaskBuilder
{
    private readonly DurableTaskRegistry _registry;

    internal DurableTaskBuilder(IServiceCollection services, DurableTaskRegistry registry)
    {
        Services = services;
        _registry = registry;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers an orchestrator under <paramref name="name"/>, default the class name.</summary>
    public DurableTaskBuilder AddOrchestrator<T>(string? name = null)
        where T : class, ITaskOrchestrator
    {
        _registry.AddOrchestrator(name ?? typeof(T).Name, typeof(T));
        Services.TryAddTransient<T>();
        return this;
    }

    /// <summary>Registers an activity under <paramref name="name"/>, default the class name.</summary>
    public DurableTaskBuilder AddActivity<T>(string? name = null)
        where T : class, ITaskActivity
    {
        _registry.AddActivity(name ?? typeof(T).Name, typeof(T));
        Services.TryAddTransient<T>();
        return this;
    }

    /// <summary>Changes worker options.</summary>
    public DurableTaskBuilder Configure(Action<DurableTaskWorkerOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Uses an existing backend instance (shared between workers in tests).</summary>
    public DurableTaskBuilder UseBackend(IOrchestrationBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        Services.Replace(ServiceDescriptor.Singleton(backend));
        return this;
    }

    /// <summary>Uses a process-local <see cref="InMemoryBackend"/> (clock from DI).</summary>
    public DurableTaskBuilder UseInMemoryBackend(InMemoryBackendOptions? options = null)
    {
        Services.Replace(ServiceDescriptor.Singleton<IOrchestrationBackend>(
            sp => new InMemoryBackend(sp.GetRequiredService<TimeProvider>(), options)));
        return this;
    }
}
