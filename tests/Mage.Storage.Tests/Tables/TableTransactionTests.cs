using Azure;
using Mage.Storage.Tables;

namespace Mage.Storage.Tests.Tables;

public sealed class TableTransactionTests
{
    [Fact]
    public async Task SubmitTransaction_MixedActions_AppliesAllAndReturnsETags()
    {
        TableClient table = await TableClientTests.NewTableAsync();
        ETag existing = await table.AddEntityAsync(new TableEntity("p", "update") { ["V"] = 1 });
        await table.AddEntityAsync(new TableEntity("p", "delete"));
        IReadOnlyList<ETag?> etags = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new") { ["V"] = 1 }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsert") { ["V"] = 2 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "update") { ["V"] = 3 }, existing),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
        ]);
        Assert.Equal(4, etags.Count);
        Assert.NotNull(etags[0]);
        Assert.Null(etags[3]);
        Assert.Equal(3, (await table.GetEntityAsync("p", "update"))!.GetInt32("V"));
        Assert.Equal(etags[2], (await table.GetEntityAsync("p", "update"))!.ETag);
        Assert.Null(await table.GetEntityAsync("p", "delete"));
        Assert.NotNull(await table.GetEntityAsync("p", "new"));
    }

    [Fact]
    public async Task SubmitTransaction_StaleETagInThirdAction_FailsWholeBatchAndNamesIndex()
    {
        TableClient table = await TableClientTests.NewTableAsync();
        ETag stale = await table.AddEntityAsync(new TableEntity("p", "c") { ["V"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "c") { ["V"] = 2 });
        TableTransactionFailedException e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.Add, new TableEntity("p", "b")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "c") { ["V"] = 3 }, stale),
        ]));
        Assert.Equal(412, e.Status);
        Assert.Equal(2, e.FailedIndex);
        Assert.Null(await table.GetEntityAsync("p", "a"));
    }

    [Fact]
    public async Task SubmitTransaction_InsertOfExistingEntity_ReportsConflictIndex()
    {
        TableClient table = await TableClientTests.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "b"));
        TableTransactionFailedException e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.Add, new TableEntity("p", "b")),
        ]));
        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
        Assert.Equal(1, e.FailedIndex);
    }

    [Fact]
    public async Task SubmitTransaction_InvalidShapes_ThrowBeforeSending()
    {
        TableClient table = (await Mage.Testing.TestAzurite.GetAsync()).Account.GetTable(Mage.Testing.TestNames.Unique("never"));
        IEnumerable<TableTransactionAction> Many(int n) => Enumerable.Range(0, n).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}")));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Many(101).ToList()));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("p1", "r")), new(TableTransactionActionType.Add, new TableEntity("p2", "r"))]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("p", "r")), new(TableTransactionActionType.Delete, new TableEntity("p", "r"))]));
    }
}
