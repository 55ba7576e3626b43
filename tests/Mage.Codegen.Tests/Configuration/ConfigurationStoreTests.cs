using System.Security.Cryptography;
using System.Text;
using Mage.Codegen.Configuration;
using Mage.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Codegen.Tests.Configuration;

public sealed class ConfigurationStoreTests
{
    private static async Task<ConfigurationStore> CreateAsync(string? hub = null)
    {
        var azurite = await TestAzurite.GetAsync();
        return new ConfigurationStore(azurite.Clients(), new ConfigurationStorageNames(hub ?? TestNames.Unique("cfg")), TimeProvider.System, NullLogger<ConfigurationStore>.Instance);
    }

    [Fact]
    public async Task SaveAsync_ThreeSaves_AreVersionsOneTwoThreeReadableAndListedNewestFirst()
    {
        var store = await CreateAsync();

        var first = await store.SaveAsync("orders", "service: orders # v1\n", CancellationToken.None);
        var second = await store.SaveAsync("orders", "{ \"service\": \"orders\" }", CancellationToken.None);
        var third = await store.SaveAsync("orders", "service: orders # v3\n", CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], new[] { first.Version, second.Version, third.Version });
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("service: orders # v1\n"))), first.Sha256);
        Assert.Equal(("yaml", "json"), (first.Format, second.Format));
        Assert.Equal("{ \"service\": \"orders\" }", (await store.GetAsync("orders", 2, CancellationToken.None))!.Text);
        var latest = await store.GetAsync("orders", null, CancellationToken.None);
        Assert.Equal((3L, "service: orders # v3\n"), (latest!.Saved.Version, latest.Text));
        Assert.Equal([3L, 2L, 1L], (await store.ListAsync("orders", CancellationToken.None)).Select(v => v.Version));
        Assert.Equal(3L, await store.GetLatestVersionAsync("orders", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_UnknownServiceOrVersion_IsNull()
    {
        var store = await CreateAsync();
        await store.SaveAsync("orders", "service: orders\n", CancellationToken.None);

        Assert.Null(await store.GetAsync("orders", 2, CancellationToken.None));
        Assert.Null(await store.GetAsync("orders", 0, CancellationToken.None));
        Assert.Null(await store.GetAsync("billing", null, CancellationToken.None));
        Assert.False(await store.HasAnyAsync("billing", CancellationToken.None));
        Assert.Empty(await store.ListAsync("billing", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_ConcurrentSaves_GetGaplessDistinctVersions()
    {
        // Two app instances saving at once: each save is one version, none lost, none twice.
        var hub = TestNames.Unique("cfg");
        var stores = new[] { await CreateAsync(hub), await CreateAsync(hub) };
        var saves = Enumerable.Range(0, 12).Select(i => stores[i % 2].SaveAsync("orders", $"service: orders # {i}\n", CancellationToken.None));

        var saved = await Task.WhenAll(saves);

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), saved.Select(s => s.Version).Order());
        var texts = new HashSet<string>();
        foreach (var version in saved)
        {
            var read = await stores[0].GetAsync("orders", version.Version, CancellationToken.None);
            Assert.Equal(version.Sha256, read!.Saved.Sha256);
            Assert.True(texts.Add(read.Text));
        }
    }

    [Fact]
    public async Task SaveAsync_TextLargerThanARowHolds_RoundTripsThroughABlob()
    {
        var store = await CreateAsync();
        var text = "service: orders\ndescription: \"" + string.Concat(Enumerable.Repeat("é long text ", 8_000)) + "\"\n";
        Assert.True(Encoding.UTF8.GetByteCount(text) > ConfigurationStore.InlineLimitBytes);

        var saved = await store.SaveAsync("orders", text, CancellationToken.None);

        var read = await store.GetAsync("orders", saved.Version, CancellationToken.None);
        Assert.Equal(text, read!.Text);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), read.Saved.Size);
    }

    [Fact]
    public async Task SaveAsync_Services_KeepTheirOwnVersions()
    {
        var store = await CreateAsync();

        await store.SaveAsync("orders", "service: orders\n", CancellationToken.None);
        await store.SaveAsync("orders", "service: orders\n", CancellationToken.None);
        var billing = await store.SaveAsync("billing", "service: billing\n", CancellationToken.None);

        Assert.Equal(1, billing.Version);
        Assert.Single(await store.ListAsync("billing", CancellationToken.None));
    }
}
