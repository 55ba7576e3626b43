using Mage.Builds.Artifacts;
using Mage.Builds.Tests.Drivers;
using Mage.Testing;

namespace Mage.Builds.Tests.Artifacts;

public sealed class ArtifactResolverTests : IDisposable
{
    private const long Limit = 1024 * 1024;
    private readonly TempFolder workspace = new();

    public void Dispose() => workspace.Dispose();

    private void Write(string relative, string text = "x")
    {
        var path = Path.Combine(workspace.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private ArtifactResolution Resolve(string source, string destination = "") =>
        ArtifactResolver.Resolve(workspace.Path, source, destination, Limit);

    [Fact]
    public void Resolve_PlainFile_StoredUnderTheDestination()
    {
        Write("build/out.txt", "hello");
        var result = Resolve("build/out.txt", "result.txt");
        var file = Assert.Single(result.Files);
        Assert.Equal("result.txt", file.Name);
        Assert.Equal(5, file.Size);
        Assert.Equal(Path.Combine(workspace.Path, "build/out.txt"), file.FullPath);
        Assert.Empty(result.Refusals);
    }

    [Fact]
    public void Resolve_PlainFileWithoutDestination_StoredUnderItsBaseName()
    {
        Write("bin/tool");
        Assert.Equal("tool", Assert.Single(Resolve("bin/tool").Files).Name);
    }

    [Fact]
    public void Resolve_Glob_MatchesOnePathPart()
    {
        Write("build/a.txt");
        Write("build/b.txt");
        Write("build/c.log");
        Write("build/sub/d.txt");
        var result = Resolve("build/*.txt", "texts");
        Assert.Equal(["texts/a.txt", "texts/b.txt"], result.Files.Select(f => f.Name));
    }

    [Fact]
    public void Resolve_StarInDestination_ReplacedByTheBaseName()
    {
        Write("build/a.txt");
        Write("build/b.txt");
        Assert.Equal(["out-a.txt", "out-b.txt"], Resolve("build/?.txt", "out-*").Files.Select(f => f.Name));
    }

    [Fact]
    public void Resolve_DoubleStar_MatchesAnyDepth()
    {
        Write("a.txt");
        Write("src/b.txt");
        Write("src/deep/er/c.txt");
        Write("src/deep/er/c.log");
        Assert.Equal(["a.txt", "src/b.txt", "src/deep/er/c.txt"], Resolve("**/*.txt").Files.Select(f => f.Name).Order());
        Assert.Equal(["logs/deep/er/c.txt"], Resolve("src/**/c.*", "logs").Files.Select(f => f.Name).Where(n => n.EndsWith(".txt", StringComparison.Ordinal)));
    }

    [Fact]
    public void Resolve_Folder_CollectsItsFiles()
    {
        Write("dist/app.js");
        Write("dist/css/site.css");
        Assert.Equal(["site/app.js", "site/css/site.css"], Resolve("dist", "site").Files.Select(f => f.Name));
        Assert.Equal(["dist/app.js", "dist/css/site.css"], Resolve("dist").Files.Select(f => f.Name));
    }

    [Fact]
    public void Resolve_LinkToASystemFile_Refused()
    {
        Directory.CreateDirectory(Path.Combine(workspace.Path, "build"));
        File.CreateSymbolicLink(Path.Combine(workspace.Path, "build/out.txt"), "/etc/passwd");

        var result = Resolve("build/out.txt");
        Assert.Empty(result.Files);
        Assert.Equal("artifact build/out.txt refused: it is a symbolic link that resolves outside the workspace", Assert.Single(result.Refusals).Message);
    }

    [Fact]
    public void Resolve_LinkInsideTheWorkspace_StillRefused()
    {
        Write("real.txt");
        File.CreateSymbolicLink(Path.Combine(workspace.Path, "alias.txt"), "real.txt");
        Assert.Equal(["real.txt"], Resolve("*.txt").Files.Select(f => f.Name));
        Assert.Equal("artifact alias.txt refused: it is a symbolic link", Assert.Single(Resolve("*.txt").Refusals).Message);
    }

    [Fact]
    public void Resolve_LinkedFolderOnThePath_Refused()
    {
        // Invariant: a link anywhere along the path is refused, not only the last part.
        Directory.CreateSymbolicLink(Path.Combine(workspace.Path, "build"), "/etc");
        var result = Resolve("build/passwd");
        Assert.Empty(result.Files);
        Assert.Equal("artifact build refused: it is a symbolic link that resolves outside the workspace", Assert.Single(result.Refusals).Message);

        Assert.Empty(Resolve("**/passwd").Files);
        Assert.Empty(Resolve("*/passwd").Files);
        Assert.NotEmpty(Resolve("*/passwd").Refusals);
    }

    [Fact]
    public void Resolve_LinkedFolderInsideACollectedFolder_Refused()
    {
        Write("dist/ok.txt");
        Directory.CreateSymbolicLink(Path.Combine(workspace.Path, "dist/etc"), "/etc");
        var result = Resolve("dist");
        Assert.Equal(["dist/ok.txt"], result.Files.Select(f => f.Name));
        Assert.Contains(result.Refusals, r => r.Source == "dist/etc");
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("build/../../outside.txt")]
    [InlineData("/etc/passwd")]
    public void Resolve_PathLeavingTheWorkspace_Refused(string source)
    {
        var result = Resolve(source);
        Assert.Empty(result.Files);
        Assert.StartsWith($"artifact {source} refused: ", Assert.Single(result.Refusals).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/abs")]
    public void Resolve_DestinationLeavingTheStore_Refused(string destination)
    {
        Write("a.txt");
        var result = Resolve("a.txt", destination);
        Assert.Empty(result.Files);
        Assert.Single(result.Refusals);
    }

    [Fact]
    public void Resolve_FileOverTheLimit_Refused()
    {
        Write("big.bin", new string('b', (int)Limit + 1));
        Write("small.bin", "s");
        var result = ArtifactResolver.Resolve(workspace.Path, "*.bin", "", Limit);
        Assert.Equal(["small.bin"], result.Files.Select(f => f.Name));
        Assert.Equal($"artifact big.bin refused: it is {Limit + 1} bytes, over the limit of {Limit} bytes", Assert.Single(result.Refusals).Message);
    }

    [Fact]
    public void Resolve_NothingMatches_SaysSo()
    {
        Assert.Equal("artifact missing/*.txt: no file matches", Assert.Single(Resolve("missing/*.txt").Refusals).Message);
    }

    [Fact]
    public async Task OpenRead_FileSwappedForALinkAfterResolving_Refused()
    {
        // Invariant: the file read is the file resolved, even if the job swaps it in between.
        Write("out.txt", "mine");
        var file = Assert.Single(Resolve("out.txt").Files);
        await using (var stream = ArtifactReader.OpenRead(file))
        {
            Assert.Equal("mine", await new StreamReader(stream).ReadToEndAsync());
        }

        File.Delete(file.FullPath);
        File.CreateSymbolicLink(file.FullPath, "/etc/passwd");
        var error = Assert.Throws<IOException>(() => ArtifactReader.OpenRead(file));
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
    }
}
