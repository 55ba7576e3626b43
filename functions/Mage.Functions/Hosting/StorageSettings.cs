using Azure.Identity;
using Mage.Storage;

namespace Mage.Functions.Hosting;

/// <summary>Turns the <c>AzureWebJobsStorage</c> settings into a <see cref="StorageAccount"/>.</summary>
public static class StorageSettings
{
    /// <summary>The connection-string setting, as in Azure Functions.</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    /// <summary>The default: the local emulator.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>The connection string in effect (the development value when unset).</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionSetting] is { Length: > 0 } value ? value : DevelopmentStorage;

    /// <summary>True when the app should use, and if needed start, a local Azurite.</summary>
    public static bool UsesDevelopmentStorage(IConfiguration configuration) =>
        configuration[$"{ConnectionSetting}:accountName"] is not { Length: > 0 } &&
        ConnectionString(configuration).Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd(';')
            .Equals(DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Builds the account: Entra ID when <c>AzureWebJobsStorage__accountName</c> is set (the
    /// Azure Functions identity-based connection convention), otherwise the connection string.
    /// </summary>
    public static StorageAccount CreateAccount(IConfiguration configuration)
    {
        if (configuration[$"{ConnectionSetting}:accountName"] is { Length: > 0 } accountName)
        {
            var clientId = configuration[$"{ConnectionSetting}:clientId"];
            var credential = string.IsNullOrEmpty(clientId)
                ? new DefaultAzureCredential()
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
            return StorageAccount.FromAccountName(accountName, credential);
        }

        return StorageAccount.Parse(ConnectionString(configuration));
    }

    /// <summary>
    /// The same account for the durable engine (DurableTask.AzureStorage, on the Azure SDK): the
    /// account name with a managed identity / Entra ID credential, or the connection string
    /// (<c>UseDevelopmentStorage=true</c> is the local Azurite).
    /// </summary>
    public static DurableTask.AzureStorage.StorageAccountClientProvider CreateEngineClientProvider(IConfiguration configuration)
    {
        if (configuration[$"{ConnectionSetting}:accountName"] is { Length: > 0 } accountName)
        {
            var clientId = configuration[$"{ConnectionSetting}:clientId"];
            var credential = string.IsNullOrEmpty(clientId)
                ? new DefaultAzureCredential()
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
            return new DurableTask.AzureStorage.StorageAccountClientProvider(accountName, credential);
        }

        return new DurableTask.AzureStorage.StorageAccountClientProvider(ConnectionString(configuration));
    }
}
