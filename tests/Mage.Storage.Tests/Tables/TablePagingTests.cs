using Mage.Storage.Tables;

namespace Mage.Storage.Tests.Tables;

public sealed class TablePagingTests
{
    [Fact]
    public async Task QueryAsync_MoreThan1000Rows_FollowsContinuationTokens()
    {
        TableClient table = await TableClientTests.NewTableAsync();
        const int rows = 1_150;
        // Entity group transactions of 100 make the setup ~12 requests instead of 1,150.
        await Parallel.ForEachAsync(Enumerable.Range(0, (rows + 99) / 100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
            await table.SubmitTransactionAsync(Enumerable.Range(batch * 100, Math.Min(100, rows - batch * 100))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("big", $"{i:D5}") { ["I"] = i })).ToList(), ct));

        TableEntityPage first = await table.QueryPageAsync(ODataFilter.PartitionKeyEquals("big"));
        Assert.Equal(1000, first.Items.Count);
        Assert.NotNull(first.ContinuationToken);
        TableEntityPage second = await table.QueryPageAsync(ODataFilter.PartitionKeyEquals("big"), continuation: first.ContinuationToken);
        Assert.Equal(150, second.Items.Count);
        Assert.Null(second.ContinuationToken);

        List<TableEntity> all = await table.QueryPartitionAsync("big").ToListAsync();
        Assert.Equal(rows, all.Count);
        Assert.Equal(Enumerable.Range(0, rows), all.Select(e => e.GetInt32("I")!.Value));
        Assert.Equal(rows, await table.QueryPartitionAsync("big", pageSize: 300).CountAsync());
    }
}
