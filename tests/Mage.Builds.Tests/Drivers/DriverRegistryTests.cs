using Mage.Builds.Drivers;

namespace Mage.Builds.Tests.Drivers;

public sealed class DriverRegistryTests : IDisposable
{
    private readonly DriverFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Get_Os_IsTheLocalDriver()
    {
        var registry = new DriverRegistry([fixture.Local, fixture.Sandbox]);
        Assert.Same(fixture.Local, registry.Get("os"));
        Assert.Same(fixture.Local, registry.Get("local"));
        Assert.Same(fixture.Sandbox, registry.Get("sandbox"));
    }

    [Theory]
    [InlineData("docker")]
    [InlineData("qemu")]
    [InlineData("ssh")]
    public void Get_KnownButNotImplemented_NotEnabled(string type)
    {
        var registry = new DriverRegistry([fixture.Local, fixture.Sandbox]);
        var error = Assert.Throws<DriverNotEnabledException>(() => registry.Get(type));
        Assert.Equal($"driver {type} is not enabled on this deployment", error.Message);
        Assert.Equal(type, error.DriverType);
    }

    [Fact]
    public void Get_NotInTheEnabledList_NotEnabled()
    {
        var registry = new DriverRegistry([fixture.Local, fixture.Sandbox], ["sandbox"]);
        Assert.Equal("driver os is not enabled on this deployment", Assert.Throws<DriverNotEnabledException>(() => registry.Get("os")).Message);
        Assert.Same(fixture.Sandbox, registry.Get("sandbox"));
        Assert.Equal(["sandbox"], registry.EnabledTypes);
    }

    [Fact]
    public void Get_EnabledThroughTheAlias_Works()
    {
        var registry = new DriverRegistry([fixture.Local, fixture.Sandbox], ["os"]);
        Assert.True(registry.IsEnabled("local"));
        Assert.False(registry.IsEnabled("sandbox"));
    }

    [Fact]
    public void Get_UnknownType_SaysSo()
    {
        var registry = new DriverRegistry([fixture.Local]);
        var error = Assert.Throws<DriverNotEnabledException>(() => registry.Get("kubernetes"));
        Assert.StartsWith("driver kubernetes is not a known driver type", error.Message, StringComparison.Ordinal);
    }
}
