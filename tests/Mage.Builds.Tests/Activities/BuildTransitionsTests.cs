using Mage.Builds.Activities;
using Mage.Builds.Records;
using Mage.Testing;

namespace Mage.Builds.Tests.Activities;

public sealed class BuildTransitionsTests
{
    [Fact]
    public async Task MoveAsync_SameChangeRetried_ObserversToldAgainWithTheSamePreviousStatus()
    {
        var (transitions, observer, build) = await ArrangeAsync();

        var first = await transitions.MoveAsync(build.Id, BuildStatus.Running, null, CancellationToken.None);
        // The retry of an activity that died after the table changed but before its observers ran.
        var retry = await transitions.MoveAsync(build.Id, BuildStatus.Running, null, CancellationToken.None);

        Assert.True(first.Changed);
        Assert.False(retry.Changed);
        Assert.Equal([("running", "queued"), ("running", "queued")], observer.Seen);
    }

    [Fact]
    public async Task MoveAsync_BackwardsAfterFinal_NothingChangesAndNobodyIsTold()
    {
        var (transitions, observer, build) = await ArrangeAsync();
        await transitions.MoveAsync(build.Id, BuildStatus.Running, null, CancellationToken.None);
        await transitions.MoveAsync(build.Id, BuildStatus.Passed, null, CancellationToken.None);

        var late = await transitions.MoveAsync(build.Id, BuildStatus.Running, null, CancellationToken.None);

        Assert.False(late.Changed);
        Assert.Equal(BuildStatus.Passed, late.Build.Status);
        Assert.Equal([("running", "queued"), ("passed", "running")], observer.Seen);
    }

    private static async Task<(BuildTransitions Transitions, RecordingObserver Observer, BuildRecord Build)> ArrangeAsync()
    {
        var store = await TestStorageClients.NewBuildStoreAsync("tr");
        var created = await store.CreateAsync(new NewBuild("svc", "v1", null, null, null), CancellationToken.None);
        var observer = new RecordingObserver();
        return (new BuildTransitions(store, [observer]), observer, created.Build);
    }

    /// <summary>Remembers what it was told, in order.</summary>
    private sealed class RecordingObserver : IBuildStatusObserver
    {
        public List<(string Status, string Previous)> Seen { get; } = [];

        public Task OnStatusChangedAsync(BuildRecord build, string previousStatus, CancellationToken cancellationToken)
        {
            Seen.Add((build.Status, previousStatus));
            return Task.CompletedTask;
        }
    }
}
