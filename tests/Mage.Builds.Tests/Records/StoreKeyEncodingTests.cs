using Mage.Builds.Records;
using Mage.Testing;

namespace Mage.Builds.Tests.Records;

/// <summary>
/// User-supplied names (artifact names, job names, tags, idempotency keys) may hold characters a
/// table key may not ('/', '\', '#', '?', control characters) or be longer than a key may be: the
/// stores encode them, so every such name round-trips on real Azurite.
/// </summary>
public sealed class StoreKeyEncodingTests
{
    public static TheoryData<string> AwkwardNames => new()
    {
        "dist/app/app.tar.gz",
        "back\\slash",
        "hash#and?query",
        "tab\there",
        "ümlaut/日本語",
        new string('n', 2000),
    };

    [Theory]
    [MemberData(nameof(AwkwardNames))]
    public async Task ArtifactStore_AwkwardJobAndName_RoundTripsByPointReadAndListing(string name)
    {
        var store = await TestStorageClients.NewStoreAsync("keys", (clients, names) => new ArtifactStore(clients, names), (s, ct) => s.EnsureCreatedAsync(ct));
        var artifact = new ArtifactRecord("svc", 7, "job/" + name, "out/" + name, name, 42, new string('a', 64), "svc/7/x");

        await store.AddAsync(artifact, CancellationToken.None);
        await store.AddAsync(artifact, CancellationToken.None);

        Assert.Equal(artifact, await store.GetAsync("svc", 7, artifact.Job, name, CancellationToken.None));
        Assert.Equal([artifact], await store.ListAsync("svc", 7, CancellationToken.None));
        Assert.Null(await store.GetAsync("svc", 7, artifact.Job, name + "x", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(AwkwardNames))]
    public async Task BuildStore_AwkwardTagAndIdempotencyKey_LockAndDeduplicate(string name)
    {
        var store = await TestStorageClients.NewBuildStoreAsync("keys");

        var first = await store.CreateAsync(new NewBuild("svc", name, null, null, name), CancellationToken.None);
        var again = await store.CreateAsync(new NewBuild("svc", name, null, null, name), CancellationToken.None);
        var busy = await Assert.ThrowsAsync<TagBusyException>(() => store.CreateAsync(new NewBuild("svc", name, null, null, "other"), CancellationToken.None));

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Build.Id, again.Build.Id);
        Assert.Equal(name, (await store.GetAsync(first.Build.Id, CancellationToken.None))!.Tag);
        Assert.NotNull(busy);
    }
}
