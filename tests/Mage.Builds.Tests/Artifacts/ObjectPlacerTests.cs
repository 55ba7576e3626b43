using System.Text;
using Mage.Builds.Artifacts;
using Mage.Builds.Tests.Drivers;
using Mage.Testing;

namespace Mage.Builds.Tests.Artifacts;

public sealed class ObjectPlacerTests : IDisposable
{
    private readonly TempFolder workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task PlaceAsync_NestedDestination_WritesTheFile()
    {
        var placement = await ObjectPlacer.PlaceAsync(workspace.Path, "data/keys/key.jks", new MemoryStream(Encoding.UTF8.GetBytes("k")), CancellationToken.None);
        Assert.False(placement.IsRefused);
        Assert.Equal("k", await File.ReadAllTextAsync(Path.Combine(workspace.Path, "data/keys/key.jks")));
    }

    [Theory]
    [InlineData("../x", "it leads outside the workspace ('..')")]
    [InlineData("/var/lib/data", "it must be a path relative to the workspace")]
    [InlineData("a/../../x", "it leads outside the workspace ('..')")]
    public void ResolveDestination_OutsideTheWorkspace_Refused(string destination, string reason)
    {
        Assert.Equal($"object {destination} refused: {reason}", ObjectPlacer.ResolveDestination(workspace.Path, destination).Refusal);
    }

    [Fact]
    public async Task PlaceAsync_ThroughALinkedFolder_RefusedAndNothingWritten()
    {
        using var outside = new TempFolder();
        Directory.CreateSymbolicLink(Path.Combine(workspace.Path, "conf"), outside.Path);
        var placement = await ObjectPlacer.PlaceAsync(workspace.Path, "conf/x", new MemoryStream([1]), CancellationToken.None);
        Assert.Equal("object conf/x refused: conf is a symbolic link", placement.Refusal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
    }

    [Fact]
    public void ResolveDestination_ExistingLinkAsTheFile_Refused()
    {
        File.CreateSymbolicLink(Path.Combine(workspace.Path, "passwd"), "/etc/passwd");
        Assert.True(ObjectPlacer.ResolveDestination(workspace.Path, "passwd").IsRefused);
    }
}
