using Azure.Core;
using Azure.Identity;
using Mage.Storage;

namespace Mage.Functions.Hosting;

/// <summary>
/// The one place that turns the Functions-style <c>AzureWebJobsStorage</c> settings into the
/// app's storage clients (<see cref="StorageClients"/>).
/// </summary>
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
        AccountName(configuration) is null &&
        ConnectionString(configuration).Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd(';')
            .Equals(DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Builds the clients: Entra ID when <c>AzureWebJobsStorage__accountName</c> is set (the Azure
    /// Functions identity-based connection convention; <c>__clientId</c> picks a user-assigned
    /// managed identity), otherwise the connection string.
    /// </summary>
    /// <exception cref="FormatException">The connection string is malformed; the message never quotes it.</exception>
    public static StorageClients CreateClients(IConfiguration configuration) =>
        AccountName(configuration) is { } accountName
            ? StorageClients.FromAccountName(accountName, Credential(configuration))
            : StorageClients.FromConnectionString(ConnectionString(configuration));

    /// <summary>
    /// The same account for the durable engine (DurableTask.AzureStorage, itself on the Azure SDK):
    /// the endpoints of <see cref="CreateClients"/> with the same kind of credential, or the same
    /// connection string (<c>UseDevelopmentStorage=true</c> is the local Azurite). The engine builds
    /// its own clients from this because it sets its own client options (retries, timeouts).
    /// </summary>
    /// <exception cref="FormatException">The connection string is malformed; the message never quotes it.</exception>
    public static DurableTask.AzureStorage.StorageAccountClientProvider CreateEngineClientProvider(IConfiguration configuration)
    {
        // Built first so that a bad setting fails here with the same message as the stores'.
        var clients = CreateClients(configuration);
        return AccountName(configuration) is null
            ? new DurableTask.AzureStorage.StorageAccountClientProvider(ConnectionString(configuration))
            : new DurableTask.AzureStorage.StorageAccountClientProvider(clients.Blobs.Uri, clients.Queues.Uri, clients.Tables.Uri, Credential(configuration));
    }

    /// <summary>The Entra ID credential for <c>AzureWebJobsStorage__accountName</c>.</summary>
    internal static TokenCredential Credential(IConfiguration configuration)
    {
        var clientId = configuration[$"{ConnectionSetting}:clientId"];
        return string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    private static string? AccountName(IConfiguration configuration) =>
        configuration[$"{ConnectionSetting}:accountName"] is { Length: > 0 } accountName ? accountName : null;
}
