using Azure;
using Mage.Storage.Tables;
using Mage.Testing;

namespace Mage.Storage.Tests.Tables;

public sealed class TableClientTests
{
    internal static async Task<TableClient> NewTableAsync()
    {
        TestAzurite azurite = await TestAzurite.GetAsync();
        TableClient table = azurite.Account.GetTable(TestNames.Unique("tbl"));
        Assert.True(await table.CreateIfNotExistsAsync());
        return table;
    }

    [Fact]
    public async Task CreateIfNotExists_CalledTwice_SecondReturnsFalseAndDeleteIsIdempotent()
    {
        TableClient table = await NewTableAsync();
        Assert.False(await table.CreateIfNotExistsAsync());
        Assert.True(await table.DeleteIfExistsAsync());
        Assert.False(await table.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task AddThenGet_AllPropertyTypes_RoundTripTyped()
    {
        TableClient table = await NewTableAsync();
        var when = new DateTimeOffset(2025, 7, 1, 10, 0, 0, 123, TimeSpan.Zero);
        var id = Guid.NewGuid();
        var entity = new TableEntity("p'1 ü", "r&1=2+3%")
        {
            ["Name"] = "build 'x'",
            ["Count"] = 42,
            ["Big"] = long.MaxValue,
            ["Ratio"] = 3.0,
            ["Pi"] = 3.14159,
            ["Done"] = true,
            ["When"] = when,
            ["Id"] = id,
            ["Blob"] = new byte[] { 0, 1, 2, 255 },
        };
        ETag etag = await table.AddEntityAsync(entity);
        TableEntity? read = await table.GetEntityAsync("p'1 ü", "r&1=2+3%");
        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal("build 'x'", read.GetString("Name"));
        Assert.Equal(42, read.GetInt32("Count"));
        Assert.Equal(long.MaxValue, read.GetInt64("Big"));
        Assert.Equal(3.0, read.GetDouble("Ratio"));
        Assert.Equal(3.14159, read.GetDouble("Pi"));
        Assert.True(read.GetBoolean("Done"));
        Assert.Equal(when, read.GetDateTimeOffset("When"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, read.GetBinary("Blob"));
        Assert.NotNull(read.Timestamp);
        Assert.Null(read.GetString("Absent"));
    }

    [Fact]
    public async Task GetEntity_Missing_ReturnsNull()
    {
        TableClient table = await NewTableAsync();
        Assert.Null(await table.GetEntityAsync("nope", "nope"));
    }

    [Fact]
    public async Task AddEntity_ExistingKey_ThrowsConflict()
    {
        TableClient table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        StorageConflictException e = await Assert.ThrowsAsync<StorageConflictException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
    }

    [Fact]
    public async Task UpdateEntity_StaleETag_ThrowsPreconditionFailed()
    {
        TableClient table = await NewTableAsync();
        ETag first = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        ETag second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, first);
        Assert.NotEqual(first, second);
        StoragePreconditionFailedException e = await Assert.ThrowsAsync<StoragePreconditionFailedException>(() =>
            table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, first));
        Assert.Equal(412, e.Status);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r"))!.GetInt32("V"));
        await Assert.ThrowsAsync<StorageNotFoundException>(() => table.UpdateEntityAsync(new TableEntity("p", "missing"), ETag.All));
    }

    [Fact]
    public async Task Upsert_MergeVersusReplace_KeepsOrDropsOtherProperties()
    {
        TableClient table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b2" }, TableUpdateMode.Merge);
        TableEntity merged = (await table.GetEntityAsync("p", "r"))!;
        Assert.Equal("a", merged.GetString("A"));
        Assert.Equal("b2", merged.GetString("B"));
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["C"] = "c" }, merged.ETag, TableUpdateMode.Replace);
        TableEntity replaced = (await table.GetEntityAsync("p", "r"))!;
        Assert.Null(replaced["A"]);
        Assert.Equal("c", replaced.GetString("C"));
    }

    [Fact]
    public async Task DeleteEntity_WithETag_ChecksAndIsIdempotentUnconditionally()
    {
        TableClient table = await NewTableAsync();
        ETag etag = await table.AddEntityAsync(new TableEntity("p", "r"));
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["X"] = 1 });
        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() => table.DeleteEntityAsync("p", "r", etag));
        Assert.True(await table.DeleteEntityAsync("p", "r"));
        Assert.False(await table.DeleteEntityAsync("p", "r"));
    }

    [Fact]
    public async Task Query_FilterSelectTop_ReturnsMatchingProjectedPages()
    {
        TableClient table = await NewTableAsync();
        for (int i = 0; i < 10; i++)
        {
            await table.AddEntityAsync(new TableEntity(i % 2 == 0 ? "even" : "odd", $"r{i:D2}") { ["N"] = i, ["Owner"] = "o'brien", ["Other"] = "x" });
        }
        string filter = ODataFilter.Create($"N ge {4} and Owner eq {"o'brien"}");
        List<TableEntity> rows = await table.QueryPartitionAsync("even", filter, select: ["N"], pageSize: 2).ToListAsync();
        Assert.Equal([4, 6, 8], rows.Select(r => r.GetInt32("N")!.Value));
        Assert.All(rows, r => Assert.Null(r["Other"]));
        TableEntityPage page = await table.QueryPageAsync(ODataFilter.PartitionKeyEquals("odd"), top: 2);
        Assert.Equal(2, page.Items.Count);
        Assert.NotNull(page.ContinuationToken);
    }
}
