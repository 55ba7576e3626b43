namespace Mage.Manifests.Tests;

public class ParserTests
{
    [Fact]
    public void Parse_KeepsPositionsOfEveryNode()
    {
        var parsed = ManifestParser.Parse("driver:\n  type: os\nstages:\n  - build\njobs:\n  - stage: build\n    commands:\n      - make\n");

        Assert.Equal(new SourcePosition(2, 9), parsed.PositionOf("driver.type"));
        Assert.Equal(new SourcePosition(4, 5), parsed.PositionOf("stages[0]"));
        Assert.Equal(new SourcePosition(6, 12), parsed.PositionOf("jobs[0].stage"));
        Assert.Equal(new SourcePosition(8, 9), parsed.PositionOf("jobs[0].commands[0]"));
        // A path that is not in the document falls back to its nearest ancestor.
        Assert.Equal(new SourcePosition(6, 5), parsed.PositionOf("jobs[0].name"));
        var job = Assert.IsType<ManifestMapping>(Assert.IsType<ManifestSequence>(((ManifestMapping)parsed.Document!).Entries[2].Value).Items[0]);
        Assert.Equal(new SourcePosition(6, 5), job.Position);
    }

    [Fact]
    public void Parse_DefaultNamesCountAsDjinn()
    {
        var manifest = ManifestParser.Parse("stages: [test, build]\njobs:\n- stage: test\n- stage: test\n  name: Unit Tests\n- stage: build\n- stage: test\n").Manifest!;

        Assert.Equal(["test.1", "unit-tests", "build.1", "test.1"], manifest.Jobs.Select(j => j.Name));
    }

    [Fact]
    public void Parse_AnchorsAndMergeKeys_AreHonoured()
    {
        const string yaml = """
            driver: {type: os}
            stages: [a]
            .common: &common
              stage: a
              commands: [make]
            jobs:
            - <<: *common
              name: one
            - <<: *common
              commands: [make test]
            """;

        var result = ManifestValidator.Validate(yaml);

        Assert.Equal(["3:1: warning: unknown key \".common\" is ignored"], result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(["one", "a.2"], result.Manifest!.Jobs.Select(j => j.Name));
        Assert.Equal(["make"], result.Manifest.Jobs[0].Commands);
        Assert.Equal(["make test"], result.Manifest.Jobs[1].Commands);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_ScalarsOfAnyTypeReadAsText()
    {
        var manifest = ManifestParser.Parse("namespace: 42\nenv: [A=1]\ndriver: {type: ssh, address: 10.0.0.1:22}\n").Manifest!;

        Assert.Equal("42", manifest.Namespace);
        Assert.Equal("10.0.0.1:22", manifest.Driver!.Options["address"]);
    }

    [Fact]
    public void Parse_OnlyTheFirstDocumentIsRead()
    {
        var result = ManifestValidator.Validate("driver: {type: os}\n---\nnot: [valid\n");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_RepeatedPassthroughSource_LastWinsWithAWarning()
    {
        var result = ManifestValidator.Validate("driver: {type: os}\nobjects: [a => x, b, a => y]\n");

        Assert.Equal([new Passthrough("a", "y"), new Passthrough("b", "b")], result.Manifest!.Objects);
        Assert.Equal(["2:22: warning: object \"a\" is listed twice; the last one wins, as in djinn"], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Parse_TextThatCrashesTheYamlScanner_IsASyntaxError()
    {
        // YamlDotNet 16.3 throws InvalidOperationException here instead of a YamlException.
        var result = ManifestValidator.Validate("x: [:|\n- ");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("1:4: error: invalid YAML after this point: the YAML reader could not read the text that follows", error.ToString());
    }
}
