namespace Mage.Functions.Hosting;

/// <summary>
/// The account of the old in-house durable backend (<c>Mage.Durable</c>), built from the same
/// settings as <see cref="StorageSettings"/>. Only <see cref="DurableBackendSelection"/> uses it;
/// it goes away with <c>Mage.Durable</c> and <c>Mage.Storage</c> when the engine moves to DurableTask.AzureStorage.
/// </summary>
internal static class DurableStorageAccount
{
    /// <summary>The account for the durable backend.</summary>
    public static Mage.Storage.StorageAccount Create(IConfiguration configuration) =>
        configuration[$"{StorageSettings.ConnectionSetting}:accountName"] is { Length: > 0 } accountName
            ? Mage.Storage.StorageAccount.FromAccountName(accountName, StorageSettings.Credential(configuration))
            : Mage.Storage.StorageAccount.Parse(StorageSettings.ConnectionString(configuration));
}
