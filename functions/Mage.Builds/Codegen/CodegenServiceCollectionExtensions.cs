using Mage.Builds.Codegen.Packs;
using Mage.Builds.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Builds.Codegen;

/// <summary>Registers code generation: built-in packs, the pack resolver, and the configuration hooks.</summary>
public static class CodegenServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BuiltInPacks"/> (the <c>packs/</c> folder next to the app), <see cref="TemplatePackResolver"/>,
    /// and the <see cref="IBuiltInPackCatalog"/> / <see cref="IPackDefaultManifestSource"/> hooks. Singletons.
    /// </summary>
    public static IServiceCollection AddMageCodegen(this IServiceCollection services)
    {
        services.AddSingleton(_ => BuiltInPacks.FromAppDirectory());
        services.AddSingleton<TemplatePackResolver>();
        services.AddSingleton<IBuiltInPackCatalog, BuiltInPackCatalog>();
        services.AddSingleton<IPackDefaultManifestSource, PackDefaultManifestSource>();
        return services;
    }
}
