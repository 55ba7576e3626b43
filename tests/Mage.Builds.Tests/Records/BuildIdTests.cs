using Mage.Builds.Records;

namespace Mage.Builds.Tests.Records;

public sealed class BuildIdTests
{
    [Fact]
    public void Create_ThenParse_GivesServiceAndNumberBack()
    {
        var id = BuildId.Create("my-service-2", 42);

        Assert.Equal(("my-service-2", 42L), BuildId.Parse(id));
        Assert.NotEqual(id, BuildId.Create("my-service-2", 42));
    }

    [Theory]
    [InlineData("")]
    [InlineData("service")]
    [InlineData("service-1")]
    [InlineData("service-0-abcdef")]
    [InlineData("service-x-abcdef")]
    [InlineData("Service-1-abcdef")]
    [InlineData("service-1-abcdeO")]
    [InlineData("../etc-1-abcdef")]
    public void TryParse_NotAnId_FalseAndParseThrows(string id)
    {
        Assert.False(BuildId.TryParse(id, out _, out _));
        Assert.Throws<ArgumentException>(() => BuildId.Parse(id));
    }
}
