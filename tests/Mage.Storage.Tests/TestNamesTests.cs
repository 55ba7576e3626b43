using Mage.Testing;

namespace Mage.Storage.Tests;

/// <summary><see cref="TestNames.Unique"/> names are accepted by every storage service, whatever the prefix.</summary>
public sealed class TestNamesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("9x")]
    [InlineData("Some-Prefix_!")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Unique_AnyPrefix_CreatesATableAQueueAndAContainer(string prefix)
    {
        var clients = (await TestAzurite.GetAsync()).Clients();
        var name = TestNames.Unique(prefix);

        Assert.InRange(name.Length, 3, 63);
        await clients.GetTable(name).CreateIfNotExistsAsync();
        await clients.GetQueue(name).CreateIfNotExistsAsync();
        await clients.GetBlobContainer(name).CreateIfNotExistsAsync();
        Assert.NotEqual(name, TestNames.Unique(prefix));
    }
}
