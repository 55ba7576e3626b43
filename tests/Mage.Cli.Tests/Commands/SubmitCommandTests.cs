using Mage.Cli.Tests.Infrastructure;
using Spectre.Console;

namespace Mage.Cli.Tests.Commands;

/// <summary><c>mage submit</c> against the real app: real builds with <c>/bin/sh</c> jobs.</summary>
public sealed class SubmitCommandTests(MageAppFixture mage) : IClassFixture<MageAppFixture>
{
    [Fact]
    public async Task Submit_FollowPassingBuild_ExitsZeroAndShowsTheJobOutput()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(TestManifests.Passing);

        var result = await mage.RunAsync("submit", "--service", service, "--tag", "v1.0.0", "--manifest", manifest.Path, "--follow");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"[build.1] hello from {service}", result.Lines);
        Assert.Contains("[test.1] tested", result.Lines);
        Assert.Matches(@"^build/build\.1 · passed · exit 0 · \d+\.\ds$", result.Lines.Single(l => l.StartsWith("build/build.1 · passed", StringComparison.Ordinal)));
        Assert.Matches($@"^build {service}-1-\w{{6}} passed · SUCCESS in ", result.Lines[^1]);
        Assert.Matches($@"^build {service}-1-\w{{6}} \(#1\) · service {service} · tag v1\.0\.0 · queued$", result.Lines[0]);
        Assert.DoesNotContain(result.Lines, l => l.EndsWith(": queued · TRIGGERED", StringComparison.Ordinal));
        // A job's final line comes after its whole log.
        Assert.True(
            Array.IndexOf(result.Lines, $"[build.1] hello from {service}") < Array.FindIndex(result.Lines, l => l.StartsWith("build/build.1 · passed", StringComparison.Ordinal)),
            result.ToString());
    }

    [Fact]
    public async Task Submit_FollowOnATerminal_DrawsStagesJobsAndLogLive()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(TestManifests.Passing);
        var terminal = (TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });

        var result = await mage.RunAsync(new Dictionary<string, string> { ["MAGE_KEY"] = mage.App.AdminKey }, terminal,
            "submit", "--service", service, "--tag", "v1", "--manifest", manifest.Path, "--follow");

        Assert.True(result.ExitCode == 0, result.ToString());
        var screen = System.Text.RegularExpressions.Regex.Replace(result.Output, @"\x1b\[[0-9;?]*[A-Za-z]", "");
        Assert.Contains($"build {service}-1-", screen, StringComparison.Ordinal);
        Assert.Contains("build.1 passed", screen, StringComparison.Ordinal);
        Assert.Contains("test.1 passed", screen, StringComparison.Ordinal);
        Assert.Contains($"[build.1] hello from {service}", screen, StringComparison.Ordinal);
        Assert.Matches($@"build {service}-1-\w{{6}} passed · SUCCESS in \d+\.\ds\s*$", screen);
        // Drawn in place: the display moved the cursor back to redraw at least once.
        Assert.Matches(@"\x1b\[\d*A", result.Output);
    }

    [Fact]
    public async Task Submit_FollowFailingBuild_ExitsOneAndShowsWhy()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(TestManifests.Failing);

        var result = await mage.RunAsync("submit", "-s", service, "-t", "v1", "-m", manifest.Path, "-f");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("[build.1] about to fail", result.Lines);
        Assert.Contains(result.Lines, l => l.StartsWith("build/build.1 · failed · exit 3", StringComparison.Ordinal));
        Assert.Contains("test/test.1 · skipped", result.Lines);
        Assert.DoesNotContain(result.Lines, l => l.Contains("unreachable", StringComparison.Ordinal));
        Assert.Contains(" failed · FAILURE in ", result.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithoutFollow_PrintsTheIdAndReturnsAtOnce()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(TestManifests.Passing);

        var result = await mage.RunAsync("submit", "--service", service, "--tag", "v2", "--manifest", manifest.Path, "--comment", "from the CLI");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"^build {service}-1-\w{{6}} \(#1\) · service {service} · tag v2 · queued$", result.Lines[0]);
        var id = result.Lines[0].Split(' ')[1];
        var status = await mage.RunAsync("status", id, "--json");
        Assert.Equal("from the CLI", status.Json().GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Submit_Json_WritesTheAcceptedBuild()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(TestManifests.Passing);

        var result = await mage.RunAsync("submit", "--service", service, "--tag", "v3", "--manifest", manifest.Path, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.StartsWith($"{service}-1-", json.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, json.GetProperty("number").GetInt64());
        Assert.Equal("queued", json.GetProperty("status").GetString());
        Assert.Equal($"/api/builds/{json.GetProperty("id").GetString()}", json.GetProperty("statusQueryGetUri").GetString());
    }

    [Fact]
    public async Task Submit_FollowJson_WritesOnlyTheFinalBuild()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(TestManifests.Failing);

        var result = await mage.RunAsync("submit", "--service", service, "--tag", "v4", "--manifest", manifest.Path, "--follow", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var json = result.Json();
        Assert.Equal("failed", json.GetProperty("status").GetString());
        var stages = json.GetProperty("stages").EnumerateArray().ToList();
        var build = stages.Single(s => s.GetProperty("name").GetString() == "build");
        Assert.Equal(3, build.GetProperty("jobs")[0].GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task Submit_InvalidManifest_ExitsOneWithTheSameLinesAsValidate()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(TestManifests.UndeclaredStage);

        var result = await mage.RunAsync("submit", "--service", service, "--tag", "v5", "--manifest", manifest.Path);
        var local = await CliRunner.RunAsync("validate", manifest.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        var errorLines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("mage: Invalid build request (400): ", errorLines[0], StringComparison.Ordinal);
        Assert.Contains($"{manifest.Path}:4:", errorLines[1], StringComparison.Ordinal);
        // The API's errors are the offline linter's, so both print the same compiler lines (the 400 carries errors only).
        Assert.Equal(local.Output.Where(l => l.Contains(": error: ", StringComparison.Ordinal)), errorLines[1..]);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Submit_UnknownService_ExitsThreeWithTheProblem()
    {
        using var manifest = new TempManifest(TestManifests.Passing);

        var result = await mage.RunAsync("submit", "--service", "no-such-service", "--tag", "v1", "--manifest", manifest.Path);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.StartsWith("mage: Not Found (404): service no-such-service does not exist.", result.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("GET /api/services", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnreadableManifest_ExitsTwo()
    {
        var result = await mage.RunAsync("submit", "--service", "x", "--tag", "v1", "--manifest", "/nonexistent/mage.yml");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("/nonexistent/mage.yml: error: cannot read the file:", result.Error, StringComparison.Ordinal);
    }
}
