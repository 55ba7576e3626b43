using Mage.Builds.Records;
using Mage.Testing;

namespace Mage.Builds.Tests.Records;

/// <summary>
/// Lost ETag races inside the stores (409 on insert, 412 on a stale If-Match) are retried or turned
/// into the domain answer the API maps to 409, never leaked as a storage error (real Azurite).
/// </summary>
public sealed class BuildStoreConcurrencyTests
{
    private static Task<BuildStore> StoreAsync() => TestStorageClients.NewBuildStoreAsync("race");

    [Fact]
    public async Task CreateAsync_TenConcurrentSameTag_OneBuildTheRestTagBusy()
    {
        var store = await StoreAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            try
            {
                return (await store.CreateAsync(new NewBuild("svc", "v1", null, null, null), CancellationToken.None)).Build.Id;
            }
            catch (TagBusyException)
            {
                return null;
            }
        }));

        Assert.Single(attempts, id => id is not null);
        var (items, _) = await store.ListAsync("svc", null, null, 50, null, CancellationToken.None);
        Assert.Single(items);
    }

    [Fact]
    public async Task TransitionAsync_ConcurrentMoves_EveryCallerSeesOneConsistentFinalStatus()
    {
        var store = await StoreAsync();
        var created = await store.CreateAsync(new NewBuild("svc", "v1", null, null, null), CancellationToken.None);

        var moves = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => store.TransitionAsync(created.Build.Id, i % 2 == 0 ? BuildStatus.Passed : BuildStatus.Failed, null, CancellationToken.None)));

        var final = (await store.GetAsync(created.Build.Id, CancellationToken.None))!;
        Assert.True(BuildStatus.IsTerminal(final.Status));
        Assert.Single(moves, m => m.Previous is not null && BuildStatus.IsTerminal(m.Build.Status));
        Assert.Equal(final.Status, moves.Single(m => m.Previous is not null && BuildStatus.IsTerminal(m.Build.Status)).Build.Status);
    }

    [Fact]
    public async Task ListAsync_ContinuationToken_PagesThroughEveryBuildOnceAndRejectsForgeries()
    {
        var store = await StoreAsync();
        for (var i = 0; i < 5; i++)
        {
            var build = await store.CreateAsync(new NewBuild("svc", "t" + i, null, null, null), CancellationToken.None);
            await store.TransitionAsync(build.Build.Id, BuildStatus.Passed, null, CancellationToken.None);
        }

        var seen = new List<long>();
        string? token = null;
        do
        {
            var (items, next) = await store.ListAsync("svc", null, null, 2, token, CancellationToken.None);
            seen.AddRange(items.Select(b => b.Number));
            token = next;
        }
        while (token is not null);

        Assert.Equal([5, 4, 3, 2, 1], seen);
        await Assert.ThrowsAsync<FormatException>(() => store.ListAsync("svc", null, null, 2, "not-a-token", CancellationToken.None));
    }
}
