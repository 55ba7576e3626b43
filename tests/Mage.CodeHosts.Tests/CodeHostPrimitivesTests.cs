using System.Diagnostics;
using System.Text;
using Mage.Codegen;
using Mage.CodeHosts;

namespace Mage.CodeHosts.Tests;

public sealed class CodeHostPrimitivesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("hello\n")]
    [InlineData("é ü \u0000 binary")]
    public async Task GitBlobId_Content_EqualsRealGitHashObject(string text)
    {
        var content = Encoding.UTF8.GetBytes(text);
        var start = new ProcessStartInfo("git", ["hash-object", "--stdin"]) { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var git = Process.Start(start)!;
        await git.StandardInput.BaseStream.WriteAsync(content);
        git.StandardInput.Close();
        var expected = (await git.StandardOutput.ReadToEndAsync()).Trim();
        await git.WaitForExitAsync();

        Assert.Equal(expected, GitBlobId.Of(content));
    }

    [Theory]
    [InlineData("Title\n\nMage-Build: svc-1\n", "svc-1", true)]
    [InlineData("Title\r\n\r\nMage-Build: svc-1\r\n", "svc-1", true)]
    [InlineData("Title\n\nMage-Build: svc-10\n", "svc-1", false)]
    [InlineData("Mentions Mage-Build: svc-1 inline", "svc-1", false)]
    [InlineData(null, "svc-1", false)]
    public void HasTrailer_Message_MatchesWholeTrailerLineOnly(string? message, string buildId, bool expected) =>
        Assert.Equal(expected, MageCommit.HasTrailer(message, buildId));

    [Fact]
    public void WithTrailer_Message_EndsWithTrailerAfterBlankLine() =>
        Assert.Equal("Subject\n\nbody\n\nMage-Build: s-2\n", MageCommit.WithTrailer("Subject\n\nbody\n", "s-2"));

    [Theory]
    [InlineData("../x")]
    [InlineData("/abs")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData(".git/config")]
    [InlineData("sub/.GIT/hooks/pre-commit")]
    [InlineData("a\\b")]
    [InlineData("dir/")]
    [InlineData(".mage/generated.json")]
    public void Validate_UnsafePath_Refused(string path) =>
        Assert.Throws<CodeHostException>(() => GeneratedFilesIndex.Validate([new GeneratedFile(path, [])]));

    [Fact]
    public void Validate_DuplicatePath_Refused() =>
        Assert.Throws<CodeHostException>(() => GeneratedFilesIndex.Validate([new GeneratedFile("a", []), new GeneratedFile("a", [1])]));

    [Fact]
    public void Serialize_SameFilesInAnyOrder_ByteIdenticalAndParsesBack()
    {
        var one = GeneratedFilesIndex.Serialize("b-1", [new GeneratedFile("z.txt", []), new GeneratedFile("a/b.txt", [])]);
        var two = GeneratedFilesIndex.Serialize("b-1", [new GeneratedFile("a/b.txt", [9]), new GeneratedFile("z.txt", [])]);

        Assert.Equal(one, two);
        Assert.Equal(["a/b.txt", "z.txt"], GeneratedFilesIndex.ParsePaths(one));
    }

    [Fact]
    public void ParsePaths_UnreadableOrHostileIndex_ListsOnlySafePaths()
    {
        Assert.Empty(GeneratedFilesIndex.ParsePaths(Encoding.UTF8.GetBytes("not json")));
        Assert.Equal(["ok.txt"], GeneratedFilesIndex.ParsePaths(Encoding.UTF8.GetBytes("""{"build":"x","files":["ok.txt","../../etc/passwd",".git/config"]}""")));
    }

    [Fact]
    public void Stale_PreviousPaths_OnlyThoseNoLongerGenerated() =>
        Assert.Equal(["b", "c"], GeneratedFilesIndex.Stale(["c", "a", "b"], [new GeneratedFile("a", [])]));

    [Fact]
    public void CodeHostRepository_ToString_HidesToken() =>
        Assert.DoesNotContain("tok-123", new CodeHostRepository("https://x/y.git", null, null, "tok-123").ToString(), StringComparison.Ordinal);
}
