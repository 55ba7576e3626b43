using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Mage.Storage.Auth;
using Mage.Storage.Blobs;

namespace Mage.Storage.Tests.Auth;

/// <summary>Expected strings-to-sign are written out by hand from the REST documentation, not from the code.</summary>
public sealed class SigningVectorTests
{
    private const string Account = "devstoreaccount1";
    private const string Date = "Tue, 01 Jul 2025 10:00:00 GMT";

    private static HttpMessage Message(RequestMethod method, string uri)
    {
        HttpMessage message = HttpPipelineBuilder.Build(new StorageClientOptions()).CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(uri));
        message.Request.Headers.SetValue("x-ms-date", Date);
        message.Request.Headers.SetValue("x-ms-version", "2025-05-05");
        return message;
    }

    private static string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(StorageAccount.DevelopmentAccountKey), Encoding.UTF8.GetBytes(stringToSign)));

    [Fact]
    public void SharedKey_PutBlockWithContent_SignsHeadersAndSortedQuery()
    {
        using HttpMessage message = Message(RequestMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/logs/a%20b.txt?comp=block&blockid=YmxvY2s%3D");
        message.Request.Headers.SetValue("Content-MD5", "XUFAKrxLKna5cZ2REBfFkg==");
        message.Request.Headers.SetValue("x-ms-lease-id", "L1");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes("hello"));
        const string expected = "PUT\n\n\n5\nXUFAKrxLKna5cZ2REBfFkg==\n\n\n\n\n\n\n\n"
            + "x-ms-date:Tue, 01 Jul 2025 10:00:00 GMT\nx-ms-lease-id:L1\nx-ms-version:2025-05-05\n"
            + "/devstoreaccount1/devstoreaccount1/logs/a%20b.txt\nblockid:YmxvY2s=\ncomp:block";
        Assert.Equal(expected, SharedKeyPolicy.BuildStringToSign(message.Request, Account));

        new SharedKeyPolicy(new SharedKeyCredential(Account, StorageAccount.DevelopmentAccountKey)).OnSendingRequest(message);
        Assert.True(message.Request.Headers.TryGetValue("Authorization", out string? auth));
        Assert.Equal($"SharedKey {Account}:{Sign(expected)}", auth);
    }

    [Fact]
    public void SharedKey_GetWithIfMatchAndRange_EmptyLengthAndConditionalLines()
    {
        using HttpMessage message = Message(RequestMethod.Get, "http://127.0.0.1:10001/devstoreaccount1/jobs/messages?numofmessages=32&visibilitytimeout=30");
        message.Request.Headers.SetValue("If-Match", "\"0x1\"");
        message.Request.Headers.SetValue("Range", "bytes=0-9");
        const string expected = "GET\n\n\n\n\n\n\n\n\"0x1\"\n\n\nbytes=0-9\n"
            + "x-ms-date:Tue, 01 Jul 2025 10:00:00 GMT\nx-ms-version:2025-05-05\n"
            + "/devstoreaccount1/devstoreaccount1/jobs/messages\nnumofmessages:32\nvisibilitytimeout:30";
        Assert.Equal(expected, SharedKeyPolicy.BuildStringToSign(message.Request, Account));
    }

    [Fact]
    public void TableSharedKey_Query_KeepsOnlyCompAndUsesXmsDate()
    {
        using HttpMessage message = Message(RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/Jobs()?$filter=PartitionKey%20eq%20%27a%27&$top=5");
        message.Request.Headers.SetValue("Content-Type", "application/json");
        const string expected = "GET\n\napplication/json\nTue, 01 Jul 2025 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Jobs()";
        Assert.Equal(expected, TableSharedKeyPolicy.BuildStringToSign(message.Request, Account, lite: false));
        Assert.Equal("Tue, 01 Jul 2025 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Jobs()",
            TableSharedKeyPolicy.BuildStringToSign(message.Request, Account, lite: true));

        new TableSharedKeyPolicy(new SharedKeyCredential(Account, StorageAccount.DevelopmentAccountKey), lite: true).OnSendingRequest(message);
        Assert.True(message.Request.Headers.TryGetValue("Authorization", out string? auth));
        Assert.Equal($"SharedKeyLite {Account}:{Sign("Tue, 01 Jul 2025 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Jobs()")}", auth);
    }

    [Fact]
    public void TableSharedKey_CompParameter_IsKept()
    {
        using HttpMessage message = Message(RequestMethod.Get, "http://acct.table.core.windows.net/Jobs?comp=acl&x=1");
        Assert.Equal("GET\n\n\nTue, 01 Jul 2025 10:00:00 GMT\n/devstoreaccount1/Jobs?comp=acl",
            TableSharedKeyPolicy.BuildStringToSign(message.Request, Account, lite: false));
    }

    [Fact]
    public void ServiceSas_Blob_HasSixteenLinesInDocumentedOrder()
    {
        string s = BlobClient.BuildSasStringToSign("acct", "logs", "b/1.txt", "r", "2025-07-01T10:00:00Z", "2025-05-05");
        Assert.Equal("r\n\n2025-07-01T10:00:00Z\n/blob/acct/logs/b/1.txt\n\n\n\n2025-05-05\nb\n\n\n\n\n\n\n", s);
    }

    [Fact]
    public async Task TableSharedKeyLite_AgainstAzurite_IsAccepted()
    {
        Mage.Testing.TestAzurite azurite = await Mage.Testing.TestAzurite.GetAsync();
        StorageAccount lite = azurite.CreateAccount(new StorageClientOptions { UseTableSharedKeyLite = true });
        Mage.Storage.Tables.TableClient table = lite.GetTable(Mage.Testing.TestNames.Unique("lite"));
        Assert.True(await table.CreateIfNotExistsAsync());
        await table.AddEntityAsync(new Mage.Storage.Tables.TableEntity("p", "r'q"));
        Assert.NotNull(await table.GetEntityAsync("p", "r'q"));
    }
}
