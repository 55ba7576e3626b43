using Mage.Storage.Tables;
using Mage.Testing;

namespace Mage.Storage.Tests.Tables;

/// <summary>Every call targets a table that does not exist: an ArgumentException (not a 404) proves nothing was sent.</summary>
public sealed class TableLimitsTests
{
    private static async Task<TableClient> MissingTableAsync() => (await TestAzurite.GetAsync()).Account.GetTable(TestNames.Unique("never"));

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    public async Task AddEntity_ForbiddenKeyCharacter_ThrowsArgumentException(string key)
    {
        TableClient table = await MissingTableAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(key, "r")));
        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", key)));
    }

    [Fact]
    public async Task AddEntity_KeyOver1KiB_ThrowsArgumentException()
    {
        TableClient table = await MissingTableAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(new string('k', 1025), "r")));
    }

    [Fact]
    public async Task AddEntity_StringPropertyOver64KiB_ThrowsArgumentException()
    {
        TableClient table = await MissingTableAsync();
        ArgumentException e = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["S"] = new string('s', 32 * 1024 + 1) }));
        Assert.Contains("64 KiB", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["B"] = new byte[64 * 1024 + 1] }));
    }

    [Fact]
    public async Task AddEntity_EntityOver1MiB_ThrowsArgumentException()
    {
        TableClient table = await MissingTableAsync();
        var entity = new TableEntity("p", "r");
        for (int i = 0; i < 20; i++)
        {
            entity[$"P{i}"] = new byte[60 * 1024];
        }
        ArgumentException e = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(entity));
        Assert.Contains("1 MiB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_UnsupportedTypeOrReservedName_Throws()
    {
        var entity = new TableEntity("p", "r");
        Assert.Throws<ArgumentException>(() => entity["D"] = 1.5m);
        Assert.Throws<ArgumentException>(() => entity["PartitionKey"] = "x");
        Assert.Throws<ArgumentException>(() => entity["a@odata.type"] = "x");
    }

    [Fact]
    public void GetTable_InvalidName_Throws()
    {
        StorageAccount account = StorageAccount.Parse("UseDevelopmentStorage=true");
        Assert.Throws<ArgumentException>(() => account.GetTable("1abc"));
        Assert.Throws<ArgumentException>(() => account.GetTable("ab-c"));
        Assert.Throws<ArgumentException>(() => account.GetBlobContainer("Upper"));
        Assert.Throws<ArgumentException>(() => account.GetQueue("a--b"));
    }
}
