using Mage.Cli.Tests.Infrastructure;

namespace Mage.Cli.Tests.Commands;

/// <summary><c>mage logs</c> on real jobs.</summary>
public sealed class LogsCommandTests(MageAppFixture mage) : IClassFixture<MageAppFixture>
{
    private const string SlowJob = """
        driver: { type: local }
        stages: [slow]
        jobs:
          - stage: slow
            commands:
              - echo first
              - sleep 2
              - echo second
        """;

    [Fact]
    public async Task Logs_FinishedJob_PrintsTheWholeLog()
    {
        var service = await mage.CreateServiceAsync();
        var id = await mage.RunToEndAsync(service, "v1", TestManifests.Passing);

        var result = await mage.RunAsync("logs", id, "build.1");

        Assert.True(result.ExitCode == 0, result.ToString());
        // Jobs run under set -x: the command, then its output.
        Assert.Equal(["+ echo hello from " + service, "hello from " + service], result.Lines.Where(l => l.Contains("hello", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Logs_Follow_StreamsUntilTheJobEnds()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(SlowJob);
        var submitted = await mage.RunAsync("submit", "--service", service, "--tag", "v1", "--manifest", manifest.Path, "--json");
        var id = submitted.Json().GetProperty("id").GetString()!;

        var result = await mage.RunAsync("logs", id, "slow.1", "-f");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("first", result.Lines);
        Assert.Contains("second", result.Lines);
        // -f returns only once the job has ended: its status is final by then.
        var status = (await mage.RunAsync("status", id, "--json")).Json();
        var job = status.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("jobs").EnumerateArray()).Single(j => j.GetProperty("name").GetString() == "slow.1");
        Assert.Equal("passed", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Logs_Json_WritesIdJobAndLog()
    {
        var service = await mage.CreateServiceAsync();
        var id = await mage.RunToEndAsync(service, "v1", TestManifests.Failing);

        var json = (await mage.RunAsync("logs", id, "build.1", "--json")).Json();

        Assert.Equal(id, json.GetProperty("id").GetString());
        Assert.Equal("build.1", json.GetProperty("job").GetString());
        Assert.Contains("about to fail\n", json.GetProperty("log").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_UnknownJob_ExitsThreeWith404()
    {
        var service = await mage.CreateServiceAsync();
        var id = await mage.RunToEndAsync(service, "v1", TestManifests.Passing);

        var result = await mage.RunAsync("logs", id, "nope.1");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"mage: Job not found (404): Build {id} has no job named nope.1.", result.Error.TrimEnd());
    }
}
