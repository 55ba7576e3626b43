using Mage.Azurite;
using Azure.Identity;
using Mage.Testing;

namespace Mage.Storage.Tests;

public sealed class StorageAccountTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcy0xMjM0NTY3ODkwMTIzNDU2Nzg5MA==";

    [Fact]
    public void Parse_UseDevelopmentStorage_UsesAzuriteDefaults()
    {
        StorageAccount account = StorageAccount.Parse("UseDevelopmentStorage=true;");
        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableEndpoint);
        Assert.True(account.UsesSharedKey);
    }

    [Fact]
    public void Parse_AccountWithSuffix_DerivesEndpoints()
    {
        StorageAccount account = StorageAccount.Parse($"DefaultEndpointsProtocol=https;AccountName=mage;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");
        Assert.Equal(new Uri("https://mage.blob.core.chinacloudapi.cn"), account.BlobEndpoint);
        Assert.Equal(new Uri("https://mage.queue.core.chinacloudapi.cn"), account.QueueEndpoint);
        Assert.Equal(new Uri("https://mage.table.core.chinacloudapi.cn"), account.TableEndpoint);
        Assert.Equal(new Uri("https://mage.table.core.windows.net"), StorageAccount.Parse($"AccountName=mage;AccountKey={Key}").TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitEndpoints_OverrideDefaults()
    {
        StorageAccount account = StorageAccount.Parse($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://10.0.0.5:1/devstoreaccount1;QueueEndpoint=http://10.0.0.5:2/devstoreaccount1;TableEndpoint=http://10.0.0.5:3/devstoreaccount1;");
        Assert.Equal(new Uri("http://10.0.0.5:1/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(3, account.TableEndpoint.Port);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AccountName=mage")]
    [InlineData("AccountKey=" + Key)]
    [InlineData("AccountName=mage;AccountKey=not*base64!" + Key)]
    [InlineData("AccountName=mage;AccountKey=" + Key + ";" + Key)]
    [InlineData("AccountName=mage;AccountKey=" + Key + ";BlobEndpoint=ftp://x")]
    [InlineData("AccountName=mage;AccountName=other;AccountKey=" + Key)]
    [InlineData("UseDevelopmentStorage=false")]
    [InlineData("DefaultEndpointsProtocol=gopher;AccountName=mage;AccountKey=" + Key)]
    public void Parse_BadConnectionString_ThrowsFormatExceptionWithoutKey(string connectionString)
    {
        FormatException e = Assert.Throws<FormatException>(() => StorageAccount.Parse(connectionString));
        Assert.DoesNotContain(Key, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SharedKeyAccount_NeverContainsKey()
    {
        StorageAccount account = StorageAccount.Parse($"AccountName=mage;AccountKey={Key}");
        Assert.DoesNotContain(Key, account.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, account.ConnectionStringForLogs, StringComparison.Ordinal);
        Assert.Contains("AccountKey=***", account.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromAccountName_TokenCredential_BuildsPublicEndpoints()
    {
        StorageAccount account = StorageAccount.FromAccountName("mageprod", new DefaultAzureCredential());
        Assert.Equal(new Uri("https://mageprod.blob.core.windows.net"), account.BlobEndpoint);
        Assert.False(account.UsesSharedKey);
        Assert.Equal("mageprod", account.AccountName);
    }

    [Fact]
    public async Task CheckAvailability_RunningAzurite_Succeeds()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        await azurite.Account.CheckAvailabilityAsync();
    }

    [Fact]
    public async Task CheckAvailability_WrongKey_ThrowsAuthorizationError()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        string wrongKey = azurite.ConnectionString.Replace(StorageAccount.DevelopmentAccountKey, Key, StringComparison.Ordinal);
        StorageException e = await Assert.ThrowsAsync<StorageException>(() => StorageAccount.Parse(wrongKey).CheckAvailabilityAsync());
        Assert.Equal(403, e.Status);
        Assert.DoesNotContain(Key, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAvailability_NothingListening_ThrowsUnreachable()
    {
        int port = Retries.LoopbackProxy.FreePort();
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        StorageAccount account = StorageAccount.Parse(AzuriteLauncher.BuildConnectionString("127.0.0.1", port, port, port), options);
        StorageException e = await Assert.ThrowsAsync<StorageException>(() => account.CheckAvailabilityAsync());
        Assert.Equal(StorageErrorKind.Unreachable, e.Kind);
        Assert.Equal(0, e.Status);
    }
}
