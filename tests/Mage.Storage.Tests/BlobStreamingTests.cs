using System.Security.Cryptography;
using Mage.Storage;
using Mage.Testing;

namespace Mage.Storage.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationSensitive
{
    public const string Name = "Allocation-sensitive (runs alone)";
}

/// <summary>Artifacts and objects are streamed through the SDK, never held whole in memory (real Azurite).</summary>
[Collection(AllocationSensitive.Name)]
public sealed class BlobStreamingTests
{
    private const long Size = 256L * 1024 * 1024;
    private const long AllocationBudget = 64L * 1024 * 1024;

    [Fact]
    public async Task UploadStreamAndOpenRange_256MiBStream_HashMatchesWithFlatMemory()
    {
        var container = await TestStorageClients.NewContainerAsync("stream");
        var blob = container.GetBlobClient("artifact.bin");

        byte[] expected;
        using (var twin = new SeededStream(seed: 42, Size))
        {
            expected = await SHA256.HashDataAsync(twin);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        StreamedUpload uploaded;
        using (var source = new SeededStream(seed: 42, Size))
        {
            uploaded = await blob.UploadStreamAsync(source, "application/octet-stream", CancellationToken.None);
        }

        var afterUpload = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Equal(Size, uploaded.Length);
        Assert.Equal(expected, uploaded.Sha256);
        Assert.True(afterUpload - before < AllocationBudget, $"upload allocated {(afterUpload - before) / 1024 / 1024} MiB");

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long read = 0;
        using (var download = await blob.OpenRangeAsync(0, null, CancellationToken.None))
        {
            Assert.Equal(Size, download.Details.ContentLength);
            int n;
            while ((n = await download.Content.ReadAsync(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                read += n;
            }
        }

        var afterDownload = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Equal(Size, read);
        Assert.Equal(expected, sha.GetHashAndReset());
        Assert.True(afterDownload - afterUpload < AllocationBudget, $"download allocated {(afterDownload - afterUpload) / 1024 / 1024} MiB");
        await container.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task OpenRange_Middle_StreamsExactlyThoseBytes()
    {
        var container = await TestStorageClients.NewContainerAsync("stream");
        var blob = container.GetBlobClient("range.bin");
        var bytes = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        using (var content = new MemoryStream(bytes))
        {
            await blob.UploadStreamAsync(content, null, CancellationToken.None);
        }

        using var download = await blob.OpenRangeAsync(1234, 4321, CancellationToken.None);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);

        Assert.Equal(bytes[1234..(1234 + 4321)], copy.ToArray());
    }
}
