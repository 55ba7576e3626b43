using Mage.Cli.Tests.Infrastructure;

namespace Mage.Cli.Tests.Commands;

/// <summary><c>mage services</c>.</summary>
public sealed class ServicesCommandTests(MageAppFixture mage) : IClassFixture<MageAppFixture>
{
    [Fact]
    public async Task Services_ListsTheServicesTheKeySees()
    {
        var service = await mage.CreateServiceAsync();

        var result = await mage.RunAsync("services");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^NAME\s+DISPLAY NAME\s+REPOSITORY\s+CREATED$", result.Lines[0]);
        Assert.Contains(result.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^{service}\s+CLI test {service}\s+-\s+\d{{4}}-"));
    }

    [Fact]
    public async Task Services_Json_HasItemsWithNames()
    {
        var service = await mage.CreateServiceAsync();

        var json = (await mage.RunAsync("services", "--json")).Json();

        var item = json.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("name").GetString() == service);
        Assert.Equal($"CLI test {service}", item.GetProperty("displayName").GetString());
    }
}
