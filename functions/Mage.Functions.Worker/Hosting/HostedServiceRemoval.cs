using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mage.Functions.Worker.Hosting;

/// <summary>
/// Takes background loops of the standalone app out of the worker, where timer triggers run
/// the same work instead (the platform may idle an instance at any time, so nothing may depend
/// on a loop staying alive).
/// </summary>
internal static class HostedServiceRemoval
{
    /// <summary>
    /// Removes the <see cref="IHostedService"/> registration of <typeparamref name="T"/>, whether
    /// registered by type or by a factory (which can only be told apart by what it returns).
    /// </summary>
    public static IServiceCollection RemoveHostedService<T>(this IServiceCollection services)
        where T : class, IHostedService
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IHostedService) || descriptor.IsKeyedService)
            {
                continue;
            }

            if (descriptor.ImplementationType == typeof(T) || descriptor.ImplementationInstance is T)
            {
                services.RemoveAt(i);
            }
            else if (descriptor.ImplementationFactory is { } factory)
            {
                services[i] = ServiceDescriptor.Describe(typeof(IHostedService),
                    sp => factory(sp) is var service && service is T ? new IdleHostedService() : service, descriptor.Lifetime);
            }
        }

        return services;
    }

    /// <summary>Stands in for a factory-registered loop that was removed.</summary>
    private sealed class IdleHostedService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
