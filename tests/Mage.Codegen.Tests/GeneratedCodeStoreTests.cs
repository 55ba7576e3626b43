using Mage.Builds.Records;
using Mage.Codegen;
using Mage.Testing;

namespace Mage.Codegen.Tests;

/// <summary>The blob home of generated code, on Azurite.</summary>
public sealed class GeneratedCodeStoreTests
{
    private static Task<GeneratedCodeStore> StoreAsync() =>
        TestStorageClients.NewStoreAsync("gen", (clients, names) => new GeneratedCodeStore(clients, names), (store, ct) => store.EnsureCreatedAsync(ct));

    [Fact]
    public async Task LoadAsync_AfterSave_SameFilesSameBytesSameOrder()
    {
        var store = await StoreAsync();
        GeneratedFile[] files = [new("src/z.cs", [1, 2, 3]), new("README.md", "# hi\n"u8.ToArray()), new("empty.txt", []), new("deep/a/b/c.bin", [0, 255, 0])];

        await store.SaveAsync("svc", 4, files, default);
        var loaded = await store.LoadAsync("svc", 4, default);

        Assert.NotNull(loaded);
        Assert.Equal(files.Select(f => f.Path), loaded.Select(f => f.Path));
        Assert.All(files.Zip(loaded), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
    }

    [Fact]
    public async Task LoadAsync_NothingSaved_Null()
    {
        var store = await StoreAsync();

        Assert.Null(await store.LoadAsync("svc", 1, default));
    }

    [Fact]
    public async Task LoadAsync_OtherBuildOfSameService_DoesNotSeeThisOnesFiles()
    {
        var store = await StoreAsync();
        await store.SaveAsync("svc", 1, [new("a.txt", [1])], default);

        Assert.Null(await store.LoadAsync("svc", 2, default));
        Assert.Null(await store.LoadAsync("other", 1, default));
    }

    [Fact]
    public async Task SaveAsync_Twice_SecondSaveReplacesTheFileList()
    {
        // At-least-once: a repeated save (e.g. after regeneration) leaves exactly the last list.
        var store = await StoreAsync();
        await store.SaveAsync("svc", 1, [new("a.txt", [1]), new("b.txt", [2])], default);

        await store.SaveAsync("svc", 1, [new("a.txt", [9])], default);

        var loaded = await store.LoadAsync("svc", 1, default);
        var only = Assert.Single(loaded!);
        Assert.Equal("a.txt", only.Path);
        Assert.Equal(new byte[] { 9 }, only.Content);
    }
}
