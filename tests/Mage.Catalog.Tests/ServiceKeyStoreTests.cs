using Mage.Catalog;
using Mage.Testing;

namespace Mage.Catalog.Tests;

public sealed class ServiceKeyStoreTests
{
    [Fact]
    public async Task CreateAsync_NewKey_FoundForItsServiceAndStoredHashed()
    {
        var s = await CatalogTestStorage.CreateAsync();

        var created = await s.Keys.CreateAsync("api", CancellationToken.None);

        Assert.StartsWith(ServiceKeyStore.KeyPrefix, created.Key, StringComparison.Ordinal);
        Assert.True(created.Key.Length >= ServiceKeyStore.KeyPrefix.Length + 43, "at least 32 random bytes");
        Assert.Equal("api", await s.OtherInstance().Keys.FindServiceAsync(created.Key, CancellationToken.None));
        await foreach (var entity in s.Account.GetTable(s.Storage.Options.ServiceKeysTable).QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            Assert.DoesNotContain(created.Key, entity.RowKey + string.Join("|", ((IDictionary<string, object>)entity).Values), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("mage_svc_unknown")]
    [InlineData("not-a-service-key")]
    public async Task FindServiceAsync_UnknownKey_Null(string key)
    {
        var s = await CatalogTestStorage.CreateAsync();
        await s.Keys.CreateAsync("api", CancellationToken.None);

        Assert.Null(await s.Keys.FindServiceAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_TwoKeys_ListsIdsOfThatServiceOnly()
    {
        var s = await CatalogTestStorage.CreateAsync();
        var first = await s.Keys.CreateAsync("api", CancellationToken.None);
        var second = await s.Keys.CreateAsync("api", CancellationToken.None);
        await s.Keys.CreateAsync("other", CancellationToken.None);

        var list = await s.Keys.ListAsync("api", CancellationToken.None);

        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), list.Select(k => k.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RevokeAsync_OneOfTwoKeys_OnlyThatKeyStopsWorking()
    {
        var s = await CatalogTestStorage.CreateAsync();
        var revoked = await s.Keys.CreateAsync("api", CancellationToken.None);
        var kept = await s.Keys.CreateAsync("api", CancellationToken.None);
        Assert.Equal("api", await s.Keys.FindServiceAsync(revoked.Key, CancellationToken.None));

        Assert.True(await s.Keys.RevokeAsync("api", revoked.Id, CancellationToken.None));

        Assert.Null(await s.Keys.FindServiceAsync(revoked.Key, CancellationToken.None));
        Assert.Equal("api", await s.Keys.FindServiceAsync(kept.Key, CancellationToken.None));
        Assert.Equal([kept.Id], (await s.Keys.ListAsync("api", CancellationToken.None)).Select(k => k.Id));
        Assert.False(await s.Keys.RevokeAsync("api", revoked.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RevokeAsync_OnAnotherInstance_TakesEffectWithinCacheLifetime()
    {
        var s = await CatalogTestStorage.CreateAsync();
        var key = await s.Keys.CreateAsync("api", CancellationToken.None);
        Assert.Equal("api", await s.Keys.FindServiceAsync(key.Key, CancellationToken.None));

        await s.OtherInstance().Keys.RevokeAsync("api", key.Id, CancellationToken.None);
        await Task.Delay(ServiceKeyStore.CacheLifetime + TimeSpan.FromMilliseconds(200));

        Assert.Null(await s.Keys.FindServiceAsync(key.Key, CancellationToken.None));
    }

    [Fact]
    public async Task RevokeAsync_KeyOfAnotherService_False()
    {
        var s = await CatalogTestStorage.CreateAsync();
        var key = await s.Keys.CreateAsync("api", CancellationToken.None);

        Assert.False(await s.Keys.RevokeAsync("other", key.Id, CancellationToken.None));
        Assert.Equal("api", await s.Keys.FindServiceAsync(key.Key, CancellationToken.None));
    }
}
