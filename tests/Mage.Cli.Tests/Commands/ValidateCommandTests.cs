using Mage.Cli.Tests.Infrastructure;

namespace Mage.Cli.Tests.Commands;

public class ValidateCommandTests
{
    private const string Valid = "driver: {type: os}\nstages: [build]\njobs:\n- stage: build\n  commands: [make]\n";

    [Fact]
    public async Task Validate_ValidFile_ExitsZeroQuietly()
    {
        using var file = new TempManifest(Valid);

        var (exitCode, output, error) = await CliRunner.RunAsync("validate", file.Path);

        Assert.Equal(0, exitCode);
        Assert.Empty(output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Validate_InvalidFile_ExitsOneWithCompilerLines()
    {
        using var file = new TempManifest("driver:\n  type: dokcer\nstagse: [build]\nenv: [FOO]\n");

        var (exitCode, output, _) = await CliRunner.RunAsync("validate", file.Path);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                $"{file.Path}:2:9: error: unknown driver type \"dokcer\"; did you mean \"docker\"?",
                $"{file.Path}:3:1: warning: unknown key \"stagse\" is ignored; did you mean \"stages\"?",
                $"{file.Path}:4:7: error: env item \"FOO\" has no \"=\"; write it as KEY=VALUE, e.g. \"FOO=value\" (djinn fails on it with a server error)",
            ],
            output);
    }

    [Fact]
    public async Task Validate_WarningsOnly_ExitsZero()
    {
        using var file = new TempManifest(Valid + "stages: [build, deploy]\n".Replace("stages", "stagez", StringComparison.Ordinal));

        var (exitCode, output, _) = await CliRunner.RunAsync("validate", file.Path);

        Assert.Equal(0, exitCode);
        Assert.Equal([$"{file.Path}:6:1: warning: unknown key \"stagez\" is ignored; did you mean \"stages\"?"], output);
    }

    [Fact]
    public async Task Validate_SeveralFiles_ExitsOneWhenAnyIsInvalid()
    {
        using var good = new TempManifest(Valid);
        using var bad = new TempManifest("a: [\n");

        var (exitCode, output, _) = await CliRunner.RunAsync("validate", good.Path, bad.Path);

        Assert.Equal(1, exitCode);
        Assert.Equal([$"{bad.Path}:2:1: error: invalid YAML: while parsing a node, did not find expected node content."], output);
    }

    [Fact]
    public async Task Validate_RealDjinnManifests_OnlyTheLegacyOneFails()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "djinn"), "*.yml").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(15, files.Length);

        var (exitCode, output, _) = await CliRunner.RunAsync(["validate", .. files]);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output);
        Assert.EndsWith("andrewpillar_jrnl__.thrall.yml:5:5: error: a source must be a string \"url [ref] [=> dir]\"; the older \"- url: …\" form is not supported. Write: - https://github.com/andrewpillar/jrnl", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Json_ListsEveryFileWithItsDiagnostics()
    {
        using var good = new TempManifest(Valid);
        using var bad = new TempManifest("driver:\n  type: dokcer\nstages: [build]\njobs:\n- stage: build\n  commands: [make]\n");

        var (exitCode, output, error) = await CliRunner.RunAsync("validate", "--json", good.Path, bad.Path);

        Assert.Equal(1, exitCode);
        Assert.Empty(error);
        using var document = System.Text.Json.JsonDocument.Parse(string.Join('\n', output));
        var root = document.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal([good.Path, bad.Path], files.Select(f => f.GetProperty("file").GetString()));
        Assert.Equal([true, false], files.Select(f => f.GetProperty("valid").GetBoolean()));
        var diagnostic = Assert.Single(files[1].GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("driver.type", 2, 9, "error"), (diagnostic.GetProperty("path").GetString(), diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32(), diagnostic.GetProperty("severity").GetString()));
        Assert.StartsWith("unknown driver type", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"mage-missing-{Guid.NewGuid():N}.yml");

        var (exitCode, output, error) = await CliRunner.RunAsync("validate", missing);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"{missing}: error: cannot read the file:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("validate")]
    [InlineData("validate --nope x.yml")]
    [InlineData("frobnicate")]
    public async Task UsageErrors_ExitTwo(string commandLine)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("Run 'mage --help' for usage.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", Assert.Single(output));
    }

    [Fact]
    public async Task Help_ListsValidate()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains(output, l => l.TrimStart().StartsWith("validate", StringComparison.Ordinal));
    }
}
