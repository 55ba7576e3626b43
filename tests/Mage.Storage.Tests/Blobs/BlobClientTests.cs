using System.Security.Cryptography;
using System.Text;
using Azure;
using Mage.Storage;
using Mage.Storage.Blobs;
using Mage.Testing;

namespace Mage.Storage.Tests.Blobs;

public sealed class BlobClientTests
{
    private static async Task<BlobContainerClient> NewContainerAsync()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        BlobContainerClient container = azurite.Account.GetBlobContainer(TestNames.Unique("blobs"));
        Assert.True(await container.CreateIfNotExistsAsync());
        return container;
    }

    [Fact]
    public async Task CreateIfNotExists_CalledTwice_SecondReturnsFalse()
    {
        BlobContainerClient container = await NewContainerAsync();
        Assert.False(await container.CreateIfNotExistsAsync());
        Assert.True(await container.DeleteIfExistsAsync());
        Assert.False(await container.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task Upload_BinaryData_DownloadsSameBytesAndHash()
    {
        BlobContainerClient container = await NewContainerAsync();
        BlobClient blob = container.GetBlob("dir/sub dir/file ü+#.txt");
        byte[] data = Encoding.UTF8.GetBytes("hello blob");
        BlobUploadResult result = await blob.UploadAsync(BinaryData.FromBytes(data), new BlobUploadOptions { ContentType = "text/plain", Metadata = new Dictionary<string, string> { ["build"] = "42" } });
        Assert.Equal(SHA256.HashData(data), result.Sha256);
        Assert.Equal(data, (await blob.DownloadAsync()).ToArray());
        BlobProperties props = await blob.GetPropertiesAsync();
        Assert.Equal(data.Length, props.ContentLength);
        Assert.Equal("text/plain", props.ContentType);
        Assert.Equal("42", props.Metadata["build"]);
        Assert.Equal(result.ETag, props.ETag);
    }

    [Fact]
    public async Task Upload_StreamOfSeveralBlocks_CommitsBlockListAndHashMatches()
    {
        BlobContainerClient container = await NewContainerAsync();
        BlobClient blob = container.GetBlob("blocks.bin");
        byte[] data = RandomNumberGenerator.GetBytes(300 * 1024 + 17);
        BlobUploadResult result = await blob.UploadAsync(new MemoryStream(data), new BlobUploadOptions { BlockSize = 64 * 1024 });
        Assert.Equal(data.Length, result.Length);
        Assert.Equal(SHA256.HashData(data), result.Sha256);
        Assert.Equal(data, (await blob.DownloadAsync()).ToArray());
    }

    [Fact]
    public async Task DownloadRange_MiddleAndPastEnd_ReturnsSliceOrEmpty()
    {
        BlobContainerClient container = await NewContainerAsync();
        BlobClient blob = container.GetBlob("range.txt");
        await blob.UploadAsync(BinaryData.FromString("0123456789"));
        Assert.Equal("345", (await blob.DownloadRangeAsync(3, 3)).ToString());
        Assert.Equal("789", (await blob.DownloadRangeAsync(7)).ToString());
        Assert.Equal(0, (await blob.DownloadRangeAsync(10)).ToMemory().Length);
    }

    [Fact]
    public async Task OpenRead_Range_StreamsRequestedBytes()
    {
        BlobContainerClient container = await NewContainerAsync();
        BlobClient blob = container.GetBlob("stream.txt");
        await blob.UploadAsync(BinaryData.FromString("abcdefghij"));
        await using BlobDownloadStream stream = await blob.OpenReadAsync(2, 4);
        using var reader = new StreamReader(stream);
        Assert.Equal("cdef", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Get_MissingBlob_ThrowsTypedNotFound()
    {
        BlobContainerClient container = await NewContainerAsync();
        BlobClient blob = container.GetBlob("missing");
        StorageNotFoundException e = await Assert.ThrowsAsync<StorageNotFoundException>(() => blob.DownloadAsync());
        Assert.Equal(404, e.Status);
        Assert.Equal("BlobNotFound", e.ErrorCode);
        await Assert.ThrowsAsync<StorageNotFoundException>(() => blob.GetPropertiesAsync());
        await Assert.ThrowsAsync<StorageNotFoundException>(() => blob.OpenReadAsync());
        Assert.False(await blob.ExistsAsync());
        Assert.False(await blob.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task Upload_IfNotExistsOnExistingBlob_ThrowsConflict()
    {
        BlobContainerClient container = await NewContainerAsync();
        BlobClient blob = container.GetBlob("once");
        await blob.UploadAsync(BinaryData.FromString("a"), new BlobUploadOptions { Conditions = BlobConditions.IfNotExists });
        StorageConflictException e = await Assert.ThrowsAsync<StorageConflictException>(() =>
            blob.UploadAsync(BinaryData.FromString("b"), new BlobUploadOptions { Conditions = BlobConditions.IfNotExists }));
        Assert.Equal(StorageErrorKind.Conflict, e.Kind);
    }

    [Fact]
    public async Task Upload_StaleIfMatch_ThrowsPreconditionFailed()
    {
        BlobContainerClient container = await NewContainerAsync();
        BlobClient blob = container.GetBlob("etag");
        BlobUploadResult first = await blob.UploadAsync(BinaryData.FromString("a"));
        await blob.UploadAsync(BinaryData.FromString("b"), new BlobUploadOptions { Conditions = new BlobConditions { IfMatch = first.ETag } });
        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() =>
            blob.UploadAsync(BinaryData.FromString("c"), new BlobUploadOptions { Conditions = new BlobConditions { IfMatch = first.ETag } }));
    }

    [Fact]
    public async Task SetMetadata_ThenGetProperties_ReturnsNewMetadata()
    {
        BlobContainerClient container = await NewContainerAsync();
        BlobClient blob = container.GetBlob("meta");
        await blob.UploadAsync(BinaryData.FromString("x"));
        ETag etag = await blob.SetMetadataAsync(new Dictionary<string, string> { ["status"] = "done", ["owner_id"] = "7" });
        BlobProperties props = await blob.GetPropertiesAsync();
        Assert.Equal(etag, props.ETag);
        Assert.Equal("done", props.Metadata["status"]);
        Assert.Equal("7", props.Metadata["owner_id"]);
        Assert.Throws<ArgumentException>(() => blob.SetMetadataAsync(new Dictionary<string, string> { ["bad-name"] = "x" }).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task AppendBlob_AppendsAndTails_ReturnsOffsetsAndRanges()
    {
        BlobContainerClient container = await NewContainerAsync();
        BlobClient log = container.GetBlob("logs/build.log");
        await log.CreateAppendBlobAsync();
        await Assert.ThrowsAsync<StorageConflictException>(() => log.CreateAppendBlobAsync());
        Assert.Equal(0, await log.AppendBlockAsync(Encoding.UTF8.GetBytes("line 1\n")));
        Assert.Equal(7, await log.AppendBlockAsync(Encoding.UTF8.GetBytes("line 2\n"), expectedOffset: 7));
        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() => log.AppendBlockAsync(Encoding.UTF8.GetBytes("dup\n"), expectedOffset: 7));
        Assert.Equal("line 2\n", (await log.DownloadRangeAsync(7)).ToString());
        Assert.Equal("AppendBlob", (await log.GetPropertiesAsync()).BlobType);
    }

    [Fact]
    public async Task Lease_AcquireRenewReleaseBreak_EnforcesOwnership()
    {
        BlobContainerClient container = await NewContainerAsync();
        BlobClient blob = container.GetBlob("leased");
        await blob.UploadAsync(BinaryData.FromString("x"));
        string lease = await blob.AcquireLeaseAsync(TimeSpan.FromSeconds(15));
        await Assert.ThrowsAsync<StorageConflictException>(() => blob.AcquireLeaseAsync(null));
        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() => blob.UploadAsync(BinaryData.FromString("y")));
        await blob.UploadAsync(BinaryData.FromString("y"), new BlobUploadOptions { Conditions = new BlobConditions { LeaseId = lease } });
        await blob.RenewLeaseAsync(lease);
        await blob.ReleaseLeaseAsync(lease);
        string infinite = await blob.AcquireLeaseAsync(null, Guid.NewGuid().ToString());
        Assert.NotEqual(lease, infinite);
        Assert.Equal(TimeSpan.Zero, await blob.BreakLeaseAsync(TimeSpan.Zero));
        Assert.Equal("broken", (await blob.GetPropertiesAsync()).LeaseState);
        await blob.DeleteAsync();
        Assert.False(await blob.ExistsAsync());
    }

    [Fact]
    public async Task Lease_DurationOutOfRange_ThrowsBeforeSending()
    {
        BlobContainerClient container = await NewContainerAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => container.GetBlob("x").AcquireLeaseAsync(TimeSpan.FromSeconds(5)));
    }
}
