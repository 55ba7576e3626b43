using Mage.Cli.Tests.Infrastructure;

namespace Mage.Cli.Tests.Commands;

/// <summary>How every API verb finds the service and its key, and how it reports not getting an answer.</summary>
public sealed class ConnectionTests(MageAppFixture mage) : IClassFixture<MageAppFixture>
{
    [Fact]
    public async Task BadKey_ExitsThreeWithThe401MessageAndNeverPrintsTheKey()
    {
        const string key = "wrong-key-0123456789abcdef";

        var result = await mage.RunAsync(new Dictionary<string, string> { ["MAGE_KEY"] = key }, "services");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("mage: the key was refused (401 Unauthorized): A valid key is required", result.Error, StringComparison.Ordinal);
        Assert.Contains("MAGE_KEY", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadKeyJson_WritesTheProblemAsJson()
    {
        var result = await mage.RunAsync(new Dictionary<string, string> { ["MAGE_KEY"] = "wrong-key-0123456789abcdef" }, "builds", "--service", "x", "--json");

        Assert.Equal(3, result.ExitCode);
        var error = result.Json().GetProperty("error");
        Assert.Equal("api", error.GetProperty("kind").GetString());
        Assert.Equal(401, error.GetProperty("status").GetInt32());
        Assert.Equal("Unauthorized", error.GetProperty("title").GetString());
    }

    [Fact]
    public async Task NoKey_SaysNoneWasGiven()
    {
        var result = await mage.RunAsync(new Dictionary<string, string>(), "services");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("mage: the service wants a key and none was given (401 Unauthorized): pass --key or set MAGE_KEY", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyOption_WinsOverMageKey()
    {
        var result = await mage.RunAsync(new Dictionary<string, string> { ["MAGE_KEY"] = "wrong-key-0123456789abcdef" }, "services", "--key", mage.App.AdminKey, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, result.Json().GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task UnreachableUrl_ExitsThreeAndSaysHowToStartTheService()
    {
        var url = $"http://127.0.0.1:{LoopbackServer.ClosedPort()}";

        var result = await CliRunner.RunOnTheNetworkAsync(new Dictionary<string, string>(), "services", "--url", url);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(
            $"mage: cannot reach Mage at {url}: connection refused — is it running? start it with `dotnet run --project functions/Mage.Functions`, or point --url / MAGE_URL at it",
            result.Error.TrimEnd());
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task UnreachableMageUrlJson_WritesTheErrorAsJson()
    {
        var url = $"http://127.0.0.1:{LoopbackServer.ClosedPort()}";

        var result = await CliRunner.RunOnTheNetworkAsync(new Dictionary<string, string> { ["MAGE_URL"] = url + "/api/" }, "status", "demo-1-abcdef", "--json");

        Assert.Equal(3, result.ExitCode);
        var error = result.Json().GetProperty("error");
        Assert.Equal("unreachable", error.GetProperty("kind").GetString());
        Assert.Equal(url, error.GetProperty("url").GetString());
        Assert.Equal("connection refused", error.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("127.0.0.1:7071")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("http://user:secret@127.0.0.1")]
    public async Task InvalidUrl_IsAUsageError(string url)
    {
        var result = await CliRunner.RunOnTheNetworkAsync(new Dictionary<string, string>(), "services", "--url", url);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mage: '", result.Error, StringComparison.Ordinal);
        Assert.Contains("is not an http(s) address", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_SendsTheKeyInTheHeaderOnly()
    {
        using var server = new LoopbackServer().Answer("/api/services", 200, "application/json", """{"items":[]}""");

        var result = await CliRunner.RunOnTheNetworkAsync(new Dictionary<string, string> { ["MAGE_KEY"] = "the-key-0123456789" }, "services", "--url", server.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([("/api/services", "the-key-0123456789")], server.Requests);
    }

    [Fact]
    public async Task NonProblemErrorBody_IsQuotedWithItsStatus()
    {
        using var server = new LoopbackServer().Answer("/api/services", 502, "text/html", "<html>upstream down</html>");

        var result = await CliRunner.RunOnTheNetworkAsync(new Dictionary<string, string>(), "services", "--url", server.Url);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("mage: Bad Gateway (502): <html>upstream down</html>", result.Error.TrimEnd());
    }
}
