using System.Security.Cryptography;
using Mage.Storage.Blobs;
using Mage.Testing;

namespace Mage.Storage.Tests.Blobs;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationSensitive
{
    public const string Name = "Allocation-sensitive (runs alone)";
}

[Collection(AllocationSensitive.Name)]
public sealed class LargeBlobTests
{
    private const long Size = 256L * 1024 * 1024;
    private const long AllocationBudget = 64L * 1024 * 1024;

    [Fact]
    public async Task UploadAndOpenRead_256MiBStream_HashMatchesWithFlatMemory()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        BlobContainerClient container = azurite.Account.GetBlobContainer(TestNames.Unique("large"));
        await container.CreateIfNotExistsAsync();
        BlobClient blob = container.GetBlob("artifact.bin");

        long before = GC.GetTotalAllocatedBytes(precise: true);
        BlobUploadResult uploaded;
        byte[] expected;
        using (var source = new SeededStream(seed: 42, Size))
        {
            uploaded = await blob.UploadAsync(source, new BlobUploadOptions { BlockSize = 8 * 1024 * 1024 });
            expected = source.Sha256;
        }
        long afterUpload = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Equal(Size, uploaded.Length);
        Assert.Equal(expected, uploaded.Sha256);
        Assert.True(afterUpload - before < AllocationBudget, $"upload allocated {(afterUpload - before) / 1024 / 1024} MiB");

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[81920];
        long read = 0;
        await using (BlobDownloadStream stream = await blob.OpenReadAsync())
        {
            Assert.Equal(Size, stream.Length);
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                read += n;
            }
        }
        long afterDownload = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Equal(Size, read);
        Assert.Equal(expected, sha.GetHashAndReset());
        Assert.True(afterDownload - afterUpload < AllocationBudget, $"download allocated {(afterDownload - afterUpload) / 1024 / 1024} MiB");
        Assert.True(await container.DeleteIfExistsAsync());
    }
}
