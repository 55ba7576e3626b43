using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mage.Storage;

/// <summary>Registers stores whose tables and containers are created at start-up.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <typeparamref name="TStore"/> as a singleton that is also an <see cref="IStorageSetup"/>,
    /// and (once, however often this is called) <see cref="StorageReadiness"/> and the hosted
    /// <see cref="StorageInitializer"/> that creates every such store's tables and containers.
    /// </summary>
    public static IServiceCollection AddStorageSetup<TStore>(this IServiceCollection services)
        where TStore : class, IStorageSetup
    {
        services.AddSingleton<TStore>();
        services.AddSingleton<IStorageSetup>(sp => sp.GetRequiredService<TStore>());
        services.TryAddSingleton<StorageReadiness>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StorageInitializer>());
        return services;
    }
}
