using Mage.Storage.Blobs;
using Mage.Testing;

namespace Mage.Storage.Tests.Blobs;

public sealed class BlobListingTests
{
    [Fact]
    public async Task GetBlobsPage_SmallMaxResults_PagesByPrefixWithMarkers()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        BlobContainerClient container = azurite.Account.GetBlobContainer(TestNames.Unique("list"));
        await container.CreateIfNotExistsAsync();
        await Task.WhenAll(Enumerable.Range(0, 25).Select(i => container.GetBlob($"builds/{i:D3}.log").UploadAsync(BinaryData.FromString($"{i}"))));
        await container.GetBlob("other/x").UploadAsync(BinaryData.FromString("x"));

        BlobPage page = await container.GetBlobsPageAsync("builds/", maxResults: 10);
        Assert.Equal(10, page.Items.Count);
        Assert.NotNull(page.NextMarker);
        Assert.Equal("builds/000.log", page.Items[0].Name);
        Assert.Equal(1, page.Items[0].ContentLength);

        List<BlobItem> all = await container.GetBlobsAsync("builds/", pageSize: 10).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"builds/{i:D3}.log"), all.Select(b => b.Name));
        Assert.Equal(26, await container.GetBlobsAsync().CountAsync());
    }

    [Fact]
    public async Task GetBlobsAsync_MoreThan5000Blobs_FollowsNextMarker()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        BlobContainerClient container = azurite.Account.GetBlobContainer(TestNames.Unique("many"));
        await container.CreateIfNotExistsAsync();
        const int count = 5_050;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await container.GetBlob($"b/{i:D5}").UploadAsync(BinaryData.FromString("x"), cancellationToken: ct));

        BlobPage first = await container.GetBlobsPageAsync("b/");
        Assert.Equal(5000, first.Items.Count);
        Assert.NotNull(first.NextMarker);
        Assert.Equal(count, await container.GetBlobsAsync("b/").CountAsync());
    }
}
