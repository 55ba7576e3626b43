using Mage.Cli.Api;

namespace Mage.Cli.Tests.Api;

public sealed class MageClientTests
{
    [Theory]
    [InlineData("http://127.0.0.1:7071", "http://127.0.0.1:7071/")]
    [InlineData("http://127.0.0.1:7071/", "http://127.0.0.1:7071/")]
    [InlineData("http://127.0.0.1:7071/api", "http://127.0.0.1:7071/")]
    [InlineData("https://mage.example.net/api/", "https://mage.example.net/")]
    [InlineData("https://example.net/mage", "https://example.net/mage/")]
    [InlineData(" http://localhost:8080 ", "http://localhost:8080/")]
    public void TryParseBaseUrl_HttpAddresses_NormalizedToTheRootWithASlash(string given, string expected)
    {
        Assert.True(MageClient.TryParseBaseUrl(given, out var baseUrl));
        Assert.Equal(expected, baseUrl.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1:7071")]
    [InlineData("localhost")]
    [InlineData("file:///tmp/x")]
    [InlineData("http://127.0.0.1:7071/?code=secret")]
    [InlineData("http://user:secret@127.0.0.1")]
    public void TryParseBaseUrl_NotAPlainHttpAddress_Refused(string given)
    {
        // A key in the query or the user-info would end up in messages that print the address.
        Assert.False(MageClient.TryParseBaseUrl(given, out _));
    }
}
