using System.Text.RegularExpressions;
using Mage.Cli.Tests.Infrastructure;

namespace Mage.Cli.Tests.Commands;

/// <summary><c>mage builds</c> on a service with two real builds.</summary>
public sealed class BuildsCommandTests(MageAppFixture mage) : IClassFixture<MageAppFixture>
{
    [Fact]
    public async Task Builds_TwoBuilds_ListedNewestFirstAndFiltered()
    {
        var service = await mage.CreateServiceAsync();
        var passed = await mage.RunToEndAsync(service, "v1", TestManifests.Passing);
        var failed = await mage.RunToEndAsync(service, "v2", TestManifests.Failing);

        var all = await mage.RunAsync("builds", "--service", service);
        var onlyFailed = await mage.RunAsync("builds", "--service", service, "--status", "failed");
        var byTag = await mage.RunAsync("builds", "--service", service, "--tag", "v1");

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Matches(@"^NUMBER\s+ID\s+TAG\s+STATUS\s+CREATED\s+TIME$", all.Lines[0]);
        Assert.Matches($@"^2\s+{failed}\s+v2\s+failed · FAILURE\s+\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s+\d+\.\ds$", all.Lines[1]);
        Assert.Matches($@"^1\s+{passed}\s+v1\s+passed · SUCCESS\s", all.Lines[2]);
        Assert.Equal(3, all.Lines.Length);
        Assert.Equal([failed], onlyFailed.Lines.Skip(1).Select(l => Regex.Split(l, @"\s+")[1]));
        Assert.Equal([passed], byTag.Lines.Skip(1).Select(l => Regex.Split(l, @"\s+")[1]));
    }

    [Fact]
    public async Task Builds_Top_PrintsTheNextPageCommandAndItWorks()
    {
        var service = await mage.CreateServiceAsync();
        var first = await mage.RunToEndAsync(service, "v1", TestManifests.Passing);
        var second = await mage.RunToEndAsync(service, "v2", TestManifests.Passing);

        var page1 = await mage.RunAsync("builds", "--service", service, "--top", "1", "--json");
        var token = page1.Json().GetProperty("continuationToken").GetString();
        var text = await mage.RunAsync("builds", "--service", service, "--top", "1");
        var page2 = await mage.RunAsync("builds", "--service", service, "--top", "1", "--continuation-token", token!, "--json");

        Assert.Equal([second], page1.Json().GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Equal($"more: mage builds --service {service} --continuation-token {token}", text.Error.TrimEnd());
        Assert.Equal([first], page2.Json().GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Builds_Json_HasItemsAndContinuationToken()
    {
        var service = await mage.CreateServiceAsync();
        var id = await mage.RunToEndAsync(service, "v1", TestManifests.Passing);

        var json = (await mage.RunAsync("builds", "--service", service, "--json")).Json();

        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal("v1", item.GetProperty("tag").GetString());
        Assert.Equal("passed", item.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("continuationToken").ValueKind);
    }

    [Fact]
    public async Task Builds_BadStatusFilter_ExitsThreeWithTheApiDetail()
    {
        var service = await mage.CreateServiceAsync();

        var result = await mage.RunAsync("builds", "--service", service, "--status", "green");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("mage: Invalid status (400): status 'green' is not one of queued, running, passed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Builds_NoService_IsAUsageError()
    {
        var result = await mage.RunAsync("builds");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--service", result.Error, StringComparison.Ordinal);
    }
}
