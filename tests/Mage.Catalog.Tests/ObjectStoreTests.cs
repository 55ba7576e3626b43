using System.Security.Cryptography;
using Mage.Catalog;
using Mage.Testing;

namespace Mage.Catalog.Tests;

public sealed class ObjectStoreTests
{
    [Fact]
    public async Task UploadAsync_MultiMiBBody_ListedReadBackAndDeleted()
    {
        var s = await CatalogTestStorage.CreateAsync();
        var bytes = RandomNumberGenerator.GetBytes(9 * 1024 * 1024 + 17);

        var stored = await s.Objects.UploadAsync("api", "data.bin", new MemoryStream(bytes), declaredLength: null, "application/x-test", CancellationToken.None);

        Assert.Equal(bytes.Length, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        var listed = Assert.Single(await s.Objects.ListAsync("api", CancellationToken.None));
        Assert.Equal(("data.bin", (long)bytes.Length, stored.Sha256), (listed.Name, listed.Size, listed.Sha256));
        Assert.Empty(await s.Objects.ListAsync("other", CancellationToken.None));

        var opened = await s.Objects.OpenReadAsync("api", "data.bin", CancellationToken.None);
        Assert.NotNull(opened);
        using (var content = opened.Value.Content)
        using (var copy = new MemoryStream())
        {
            await content.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        Assert.True(await s.Objects.DeleteAsync("api", "data.bin", CancellationToken.None));
        Assert.False(await s.Objects.DeleteAsync("api", "data.bin", CancellationToken.None));
        Assert.Null(await s.Objects.OpenReadAsync("api", "data.bin", CancellationToken.None));
    }

    [Fact]
    public async Task UploadAsync_LargerThanLimitWhileStreaming_ThrowsAndStoresNothing()
    {
        var s = await CatalogTestStorage.CreateAsync(objectsMaxBytes: 5 * 1024 * 1024);

        await Assert.ThrowsAsync<ObjectTooLargeException>(() =>
            s.Objects.UploadAsync("api", "big.bin", new MemoryStream(new byte[5 * 1024 * 1024 + 1]), declaredLength: null, null, CancellationToken.None));

        Assert.Empty(await s.Objects.ListAsync("api", CancellationToken.None));
    }

    [Fact]
    public async Task UploadAsync_DeclaredLengthOverLimit_ThrowsBeforeReading()
    {
        var s = await CatalogTestStorage.CreateAsync(objectsMaxBytes: 10);

        await Assert.ThrowsAsync<ObjectTooLargeException>(() =>
            s.Objects.UploadAsync("api", "a.txt", Stream.Null, declaredLength: 11, null, CancellationToken.None));
    }

    [Fact]
    public async Task UploadAsync_ExactlyTheLimit_Stored()
    {
        var s = await CatalogTestStorage.CreateAsync(objectsMaxBytes: 10);

        var stored = await s.Objects.UploadAsync("api", "a.txt", new MemoryStream(new byte[10]), declaredLength: 10, null, CancellationToken.None);

        Assert.Equal(10, stored.Size);
    }

    [Theory]
    [InlineData("a.tar.gz", true)]
    [InlineData("A_b-C.9", true)]
    [InlineData(".", false)]
    [InlineData("..", false)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void IsValidObjectName_Name_Expected(string name, bool valid) =>
        Assert.Equal(valid, CatalogNames.IsValidObjectName(name));
}
