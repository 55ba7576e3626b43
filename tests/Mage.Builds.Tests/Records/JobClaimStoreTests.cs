using Mage.Builds.Records;
using Mage.Testing;

namespace Mage.Builds.Tests.Records;

/// <summary>
/// Job claims on real Azurite: the insert decides who runs a job, and every later change is
/// conditional on the version the caller read, so a slow worker and a redelivery never both win.
/// </summary>
public sealed class JobClaimStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static Task<JobClaimStore> StoreAsync() =>
        TestStorageClients.NewStoreAsync("claims", (clients, names) => new JobClaimStore(clients, names), (store, ct) => store.EnsureCreatedAsync(ct));

    [Fact]
    public async Task TryClaimAsync_TenConcurrentWorkers_ExactlyOneGetsTheClaim()
    {
        var store = await StoreAsync();

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => store.TryClaimAsync("orders-1-abc", 1, 0, $"w{i}", Start, CancellationToken.None)));

        var winner = Assert.Single(claims, c => c is not null)!;
        var stored = await store.GetAsync("orders-1-abc", 1, 0, CancellationToken.None);
        Assert.Equal(winner.WorkerId, stored!.WorkerId);
        Assert.Equal(winner.ETag, stored.ETag);
        Assert.Null(await store.GetAsync("orders-1-abc", 1, 1, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_InsertArrivedButItsAnswerWasLost_TheRetryGetsTheClaim()
    {
        // The same attempt inserting twice is what the SDK's retry does after a lost answer: the second insert gets 409.
        var store = await StoreAsync();
        Assert.NotNull(await store.TryClaimAsync("orders-7-abc", 1, 0, "w", Start, "attempt-1", CancellationToken.None));

        var retried = await store.TryClaimAsync("orders-7-abc", 1, 0, "w", Start, "attempt-1", CancellationToken.None);

        Assert.NotNull(retried);
        var stored = (await store.GetAsync("orders-7-abc", 1, 0, CancellationToken.None))!;
        Assert.Equal(("w", "attempt-1"), (retried.WorkerId, retried.Nonce));
        Assert.Equal(stored.ETag, retried.ETag);
        Assert.NotNull(await store.HeartbeatAsync(retried, Start.AddSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_AnotherAttemptOnTheSameWorker_Null()
    {
        // A redelivery may reach the worker that runs the job: the worker id alone must not make it the owner.
        var store = await StoreAsync();
        Assert.NotNull(await store.TryClaimAsync("orders-8-abc", 1, 0, "w", Start, "attempt-1", CancellationToken.None));

        Assert.Null(await store.TryClaimAsync("orders-8-abc", 1, 0, "w", Start, "attempt-2", CancellationToken.None));
        Assert.Null(await store.TryClaimAsync("orders-8-abc", 1, 0, "w", Start, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_OwnInsertGivenUpBeforeTheRetry_Null()
    {
        // A claim given up was recorded failed by another delivery: its late owner must not run the script.
        var store = await StoreAsync();
        Assert.NotNull(await store.TryClaimAsync("orders-9-abc", 1, 0, "w", Start, "attempt-1", CancellationToken.None));
        Assert.True(await store.AbandonAsync((await store.GetAsync("orders-9-abc", 1, 0, CancellationToken.None))!, CancellationToken.None));

        Assert.Null(await store.TryClaimAsync("orders-9-abc", 1, 0, "w", Start, "attempt-1", CancellationToken.None));
    }

    [Fact]
    public async Task HeartbeatAsync_TwiceFromTheLatestVersion_EachBeatStoredWithANewVersion()
    {
        var store = await StoreAsync();
        var claim = (await store.TryClaimAsync("orders-2-abc", 0, 3, "w", Start, CancellationToken.None))!;

        var first = await store.HeartbeatAsync(claim, Start.AddSeconds(5), CancellationToken.None);
        var second = await store.HeartbeatAsync(first!, Start.AddSeconds(10), CancellationToken.None);

        Assert.NotEqual(claim.ETag, first!.ETag);
        Assert.NotEqual(first.ETag, second!.ETag);
        Assert.Equal(Start.AddSeconds(10), (await store.GetAsync("orders-2-abc", 0, 3, CancellationToken.None))!.HeartbeatAt);
    }

    [Fact]
    public async Task AbandonAsync_HolderBeatMeanwhile_FalseAndTheClaimStaysLive()
    {
        var store = await StoreAsync();
        var claim = (await store.TryClaimAsync("orders-3-abc", 1, 0, "slow", Start, CancellationToken.None))!;
        var seenByRedelivery = (await store.GetAsync("orders-3-abc", 1, 0, CancellationToken.None))!;
        Assert.NotNull(await store.HeartbeatAsync(claim, Start.AddSeconds(5), CancellationToken.None));

        Assert.False(await store.AbandonAsync(seenByRedelivery, CancellationToken.None));
        Assert.False((await store.GetAsync("orders-3-abc", 1, 0, CancellationToken.None))!.Abandoned);
    }

    [Fact]
    public async Task HeartbeatAsync_AfterAbandon_NullSoTheSlowWorkerStops()
    {
        var store = await StoreAsync();
        var claim = (await store.TryClaimAsync("orders-4-abc", 1, 0, "slow", Start, CancellationToken.None))!;

        Assert.True(await store.AbandonAsync((await store.GetAsync("orders-4-abc", 1, 0, CancellationToken.None))!, CancellationToken.None));

        Assert.Null(await store.HeartbeatAsync(claim, Start.AddSeconds(5), CancellationToken.None));
        Assert.True((await store.GetAsync("orders-4-abc", 1, 0, CancellationToken.None))!.Abandoned);
    }

    [Fact]
    public async Task RequestKillAsync_Twice_SeenForThatBuildOnly()
    {
        var store = await StoreAsync();
        Assert.False(await store.IsKillRequestedAsync("orders-5-abc", CancellationToken.None));

        await store.RequestKillAsync("orders-5-abc", Start, CancellationToken.None);
        await store.RequestKillAsync("orders-5-abc", Start.AddSeconds(1), CancellationToken.None);

        Assert.True(await store.IsKillRequestedAsync("orders-5-abc", CancellationToken.None));
        Assert.False(await store.IsKillRequestedAsync("orders-6-abc", CancellationToken.None));
    }
}
