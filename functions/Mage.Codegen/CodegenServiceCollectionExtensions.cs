using Mage.Builds.Submission;
using Mage.Codegen.Configuration;
using Mage.Codegen.Packs;
using Mage.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mage.Codegen;

/// <summary>Registers code generation: saved configurations, built-in packs, the pack resolver, generated-code storage, Mage build preparation.</summary>
public static class CodegenServiceCollectionExtensions
{
    /// <summary>
    /// Adds saved configurations (<see cref="ConfigurationServiceCollectionExtensions.AddMageConfigurations"/>),
    /// <see cref="BuiltInPacks"/> (the <c>packs/</c> folder next to the app), <see cref="TemplatePackResolver"/>,
    /// the <see cref="IBuiltInPackCatalog"/> / <see cref="IPackDefaultManifestSource"/> hooks,
    /// <see cref="GeneratedCodeStore"/>, and <see cref="MageBuildPreparation"/> in place of the
    /// build domain's <see cref="IBuildPreparation"/>. Singletons; call after <c>AddMageBuilds</c> or
    /// before it, either way Mage's preparation wins. The <see cref="GenerateCodeActivity"/> type is
    /// registered by the host with its task list.
    /// </summary>
    public static IServiceCollection AddMageCodegen(this IServiceCollection services)
    {
        services.AddMageConfigurations();
        services.AddStorageSetup<GeneratedCodeStore>();
        services.Replace(ServiceDescriptor.Singleton<IBuildPreparation, MageBuildPreparation>());
        services.AddSingleton(_ => BuiltInPacks.FromAppDirectory());
        services.AddSingleton<TemplatePackResolver>();
        services.AddSingleton<IBuiltInPackCatalog, BuiltInPackCatalog>();
        services.AddSingleton<IPackDefaultManifestSource, PackDefaultManifestSource>();
        return services;
    }
}
