using Mage.Builds;
using Mage.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Codegen.Configuration;

/// <summary>Registers saved configurations.</summary>
public static class ConfigurationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ConfigurationStorageNames"/> (from <see cref="MageOptions.TaskHub"/>),
    /// <see cref="ConfigurationStore"/> and <see cref="ConfigurationLoader"/>, singletons. Template
    /// packs plug in by registering <see cref="IBuiltInPackCatalog"/> and <see cref="IPackDefaultManifestSource"/>.
    /// Needs the <see cref="Storage.StorageClients"/>, a <see cref="TimeProvider"/> and <see cref="MageOptions"/>.
    /// </summary>
    public static IServiceCollection AddMageConfigurations(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ConfigurationStorageNames(sp.GetRequiredService<MageOptions>().TaskHub));
        services.AddStorageSetup<ConfigurationStore>();
        services.AddSingleton<ConfigurationLoader>();
        return services;
    }
}
