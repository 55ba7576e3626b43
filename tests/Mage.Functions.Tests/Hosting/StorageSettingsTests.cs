using Mage.Azurite;
using Mage.Functions.Hosting;
using Microsoft.Extensions.Configuration;

namespace Mage.Functions.Tests.Hosting;

/// <summary>
/// The one place that turns <c>AzureWebJobsStorage</c> settings into clients: the stores and the
/// durable engine must reach the same account. Building clients sends no request.
/// </summary>
public sealed class StorageSettingsTests
{
    [Fact]
    public void CreateClients_AccountName_PublicEndpointsOfThatAccount()
    {
        var clients = StorageSettings.CreateClients(Settings(("AzureWebJobsStorage:accountName", "magestore")));

        Assert.Equal(new Uri("https://magestore.blob.core.windows.net/"), clients.Blobs.Uri);
        Assert.Equal(new Uri("https://magestore.queue.core.windows.net/"), clients.Queues.Uri);
        Assert.Equal("magestore.table.core.windows.net", clients.Tables.Uri.Host);
    }

    [Fact]
    public void CreateEngineClientProvider_AccountNameWithClientId_SameEndpointsAsTheStores()
    {
        var configuration = Settings(("AzureWebJobsStorage:accountName", "magestore"), ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        var stores = StorageSettings.CreateClients(configuration);
        var engine = StorageSettings.CreateEngineClientProvider(configuration);

        Assert.Equal(stores.Blobs.Uri, engine.Blob.CreateClient(engine.Blob.CreateOptions()).Uri);
        Assert.Equal(stores.Queues.Uri, engine.Queue.CreateClient(engine.Queue.CreateOptions()).Uri);
        Assert.Equal(stores.Tables.Uri.Host, engine.Table.CreateClient(engine.Table.CreateOptions()).Uri.Host);
    }

    [Fact]
    public void CreateEngineClientProvider_Unset_TheEmulatorAccountLikeTheStores()
    {
        var configuration = Settings();

        var stores = StorageSettings.CreateClients(configuration);
        var engine = StorageSettings.CreateEngineClientProvider(configuration);

        var blobs = engine.Blob.CreateClient(engine.Blob.CreateOptions());
        Assert.Equal(AzuriteLauncher.DevelopmentAccountName, blobs.AccountName);
        Assert.Equal(stores.Blobs.Uri, blobs.Uri);
        Assert.True(StorageSettings.UsesDevelopmentStorage(configuration));
    }

    [Fact]
    public void CreateEngineClientProvider_MalformedConnectionString_FormatExceptionThatNeverQuotesIt()
    {
        var configuration = Settings(("AzureWebJobsStorage", "garbage;AccountKey=c2VjcmV0LWtleS12YWx1ZQ=="));

        var error = Assert.Throws<FormatException>(() => StorageSettings.CreateEngineClientProvider(configuration));

        Assert.Contains("connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
