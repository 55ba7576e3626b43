using Mage.Storage.Tables;

namespace Mage.Storage.Tests.Tables;

public sealed class ODataFilterTests
{
    [Fact]
    public void Create_InterpolatedValues_BecomeEscapedTypedLiterals()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var when = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        string filter = ODataFilter.Create($"Name eq {"it's' or 1 eq 1 or '"} and N gt {5} and L lt {7L} and Id eq {id} and T ge {when} and D eq {2.0} and B eq {true}");
        Assert.Equal("Name eq 'it''s'' or 1 eq 1 or ''' and N gt 5 and L lt 7L and Id eq guid'0f8fad5b-d9cb-469f-a165-70867728950e'"
            + " and T ge datetime'2025-01-02T03:04:05.0000000Z' and D eq 2.0 and B eq true", filter);
    }

    [Fact]
    public void Quote_SingleQuotes_AreDoubled() => Assert.Equal("'o''brien'''", ODataFilter.Quote("o'brien'"));

    [Fact]
    public async Task Create_InjectionAttempt_MatchesOnlyLiteralValue()
    {
        TableClient table = await TableClientTests.NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "a") { ["Owner"] = "alice" });
        await table.AddEntityAsync(new TableEntity("p", "b") { ["Owner"] = "x' or Owner ne 'y" });
        List<TableEntity> hits = await table.QueryAsync(ODataFilter.Create($"Owner eq {"x' or Owner ne 'y"}")).ToListAsync();
        Assert.Equal("b", Assert.Single(hits).RowKey);
    }
}
