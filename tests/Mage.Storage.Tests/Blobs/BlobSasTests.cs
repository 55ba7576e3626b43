using System.Net;
using Azure.Identity;
using Mage.Storage.Blobs;
using Mage.Testing;

namespace Mage.Storage.Tests.Blobs;

public sealed class BlobSasTests
{
    [Fact]
    public async Task GenerateReadSasUri_PlainHttpClient_ReadsBlobAnonymously()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        BlobContainerClient container = azurite.Account.GetBlobContainer(TestNames.Unique("sas"));
        await container.CreateIfNotExistsAsync();
        BlobClient blob = container.GetBlob("artifacts/out put.txt");
        await blob.UploadAsync(BinaryData.FromString("artifact"));

        Uri sas = blob.GenerateReadSasUri(DateTimeOffset.UtcNow.AddMinutes(5));
        using var http = new HttpClient();
        Assert.Equal("artifact", await http.GetStringAsync(sas));

        using HttpResponseMessage noSas = await http.GetAsync(blob.Uri);
        Assert.NotEqual(HttpStatusCode.OK, noSas.StatusCode);
        using HttpResponseMessage write = await http.PutAsync(sas, new StringContent("overwrite"));
        Assert.False(write.IsSuccessStatusCode);
    }

    [Fact]
    public async Task GenerateReadSasUri_Expired_IsRejected()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        BlobContainerClient container = azurite.Account.GetBlobContainer(TestNames.Unique("sas"));
        await container.CreateIfNotExistsAsync();
        BlobClient blob = container.GetBlob("a.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));
        using var http = new HttpClient();
        using HttpResponseMessage response = await http.GetAsync(blob.GenerateReadSasUri(DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void GenerateReadSasUri_TokenCredentialAccount_ThrowsClearError()
    {
        StorageAccount account = StorageAccount.FromAccountName("mageprod", new DefaultAzureCredential());
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() =>
            account.GetBlobContainer("logs").GetBlob("a").GenerateReadSasUri(DateTimeOffset.UtcNow.AddHours(1)));
        Assert.Contains("TokenCredential", e.Message, StringComparison.Ordinal);
    }
}
