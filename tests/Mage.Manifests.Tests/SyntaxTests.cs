namespace Mage.Manifests.Tests;

public class SyntaxTests
{
    [Theory]
    [InlineData("https://github.com/git/git", "https://github.com/git/git", null, "git")]
    [InlineData("https://github.com/git/git v1.2.3", "https://github.com/git/git", "v1.2.3", "git")]
    [InlineData("https://github.com/git/git v1.2.3 => git-v1.2.3", "https://github.com/git/git", "v1.2.3", "git-v1.2.3")]
    [InlineData("https://github.com/git/git => git-build", "https://github.com/git/git", null, "git-build")]
    [InlineData("https://x/y/mgrt.git", "https://x/y/mgrt.git", null, "mgrt")]
    [InlineData("https://github.com/andrewpillar/thrall.git => thrall", "https://github.com/andrewpillar/thrall.git", null, "thrall")]
    public void SourceSyntax_Parse_MatchesDjinn(string text, string url, string? gitRef, string dir)
    {
        Assert.Equal(new ManifestSource(url, gitRef, dir), SourceSyntax.Parse(text));
    }

    [Theory]
    [InlineData("djinn/bin/djinn", "djinn/bin/djinn", "djinn")]
    [InlineData("mgrt/bin/mgrt => mgrt-sqlite3", "mgrt/bin/mgrt", "mgrt-sqlite3")]
    [InlineData("  data  =>  var/data ", "data", "var/data")]
    [InlineData("dir/", "dir/", "dir")]
    [InlineData("a => b => c", "a", "b => c")]
    public void PassthroughSyntax_Parse_MatchesDjinn(string text, string source, string destination)
    {
        Assert.Equal(new Passthrough(source, destination), PassthroughSyntax.Parse(text));
    }

    [Theory]
    [InlineData("Make SQLite3", "make-sqlite3")]
    [InlineData("  build.1  ", "build.1")]
    [InlineData("--a__b--", "a-b")]
    [InlineData("!!!", "")]
    public void JobNames_Slug_MatchesDjinn(string name, string slug)
    {
        Assert.Equal(slug, JobNames.Slug(name));
    }

    [Fact]
    public void JobNames_Defaults_ResetWhenTheStageChanges()
    {
        Assert.Equal(["test.1", "test.2", "build.1", "test.1"], JobNames.Defaults(["test", "test", "build", "test"]));
    }

    [Theory]
    [InlineData("45m", 45 * 60)]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("90s", 90)]
    [InlineData("2h", 7200)]
    public void DurationSyntax_TryParse_ReadsGoDurations(string text, int seconds)
    {
        Assert.True(DurationSyntax.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("45")]
    [InlineData("1d")]
    [InlineData("m")]
    [InlineData("30m1h")]
    [InlineData("9999999h")]
    public void DurationSyntax_TryParse_RefusesOthers(string text)
    {
        Assert.False(DurationSyntax.TryParse(text, out _));
    }

    [Theory]
    [InlineData("stagse", "stages")]
    [InlineData("comands", "commands")]
    [InlineData("allow_failure", "allow_failures")]
    [InlineData("zzz", null)]
    public void Suggestions_Closest_FindsTypos(string word, string? expected)
    {
        Assert.Equal(expected, Suggestions.Closest(word, ManifestKeys.TopLevel.Concat(ManifestKeys.Job)));
    }

    [Fact]
    public void JobScript_Render_WritesDjinnScript()
    {
        Assert.Equal("#!/bin/sh\nexec 2>&1\nset -ex\n\ncd mgrt\n./make.sh\n", JobScript.Render(["cd mgrt", "./make.sh"]));
    }
}
