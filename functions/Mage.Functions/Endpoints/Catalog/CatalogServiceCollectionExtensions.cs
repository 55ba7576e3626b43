using Mage.Catalog;
using Mage.Catalog.Secrets;
using Mage.Functions.Endpoints.Catalog;
using Mage.Functions.Security;
using Mage.Storage;

// In the namespace of AddMageFunctions, so it registers the catalog with one line.
namespace Mage.Functions.Hosting;

/// <summary>Registers the service catalog: stores, the secret protector and the service-key lookup used by authentication.</summary>
public static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CatalogOptions"/> (from <c>Mage:TaskHub</c>, <c>Mage:Objects:MaxBytes</c>),
    /// <see cref="SecretProtector"/> (from <c>Mage:EncryptionKey</c>, or <c>.mage/encryption.key</c> in
    /// local development), <see cref="ServiceCatalog"/>, <see cref="ServiceKeyStore"/> (also as
    /// <see cref="IServiceKeyStore"/>), <see cref="VariableStore"/> (also as <see cref="IVariableStore"/>)
    /// and <see cref="ObjectStore"/>, all singletons. Needs the <see cref="Mage.Storage.StorageClients"/> singleton.
    /// </summary>
    public static IServiceCollection AddMageCatalog(this IServiceCollection services)
    {
        services.AddSingleton(sp => CatalogOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var protector = EncryptionKeyProvider.CreateProtector(
                configuration["Mage:EncryptionKey"], StorageSettings.UsesDevelopmentStorage(configuration), AppRoot.Find(), out var path);
            if (path is not null)
            {
                CatalogEndpointsLog.EncryptionKeyFromFile(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Mage.Functions.Security"), path);
            }

            return protector;
        });
        services.AddStorageSetup<CatalogStorage>();
        services.AddSingleton<ServiceCatalog>();
        services.AddSingleton(sp => new ServiceKeyStore(sp.GetRequiredService<CatalogStorage>(), sp.GetRequiredService<ILogger<ServiceKeyStore>>()));
        services.AddSingleton<IServiceKeyStore, ServiceKeyStoreAdapter>();
        services.AddSingleton<VariableStore>();
        services.AddSingleton<IVariableStore>(sp => sp.GetRequiredService<VariableStore>());
        services.AddSingleton<ObjectStore>();
        return services;
    }
}
