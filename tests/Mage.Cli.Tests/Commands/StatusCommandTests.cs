using Mage.Cli.Tests.Infrastructure;

namespace Mage.Cli.Tests.Commands;

/// <summary><c>mage status</c> on real builds.</summary>
public sealed class StatusCommandTests(MageAppFixture mage) : IClassFixture<MageAppFixture>
{
    [Fact]
    public async Task Status_PassedBuild_ShowsBothStatusNamesAndEveryJob()
    {
        var service = await mage.CreateServiceAsync();
        var id = await mage.RunToEndAsync(service, "v1.2.0", TestManifests.Passing);

        var result = await mage.RunAsync("status", id);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"build {id} (#1) · service {service} · tag v1.2.0", result.Lines[0]);
        Assert.Equal("status    passed · SUCCESS", result.Lines[1]);
        Assert.Matches(@"^STAGE\s+JOB\s+STATUS\s+EXIT\s+TIME\s+ARTIFACTS$", result.Lines[3]);
        Assert.Contains(result.Lines, l => l.StartsWith("setup", StringComparison.Ordinal) && l.Contains("create-driver", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^build\s+build\.1\s+passed\s+0\s+\d+\.\ds$"));
        Assert.Contains(result.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^test\s+test\.1\s+passed\s+0\s+\d+\.\ds$"));
    }

    [Fact]
    public async Task Status_Json_IsTheApiBuildView()
    {
        var service = await mage.CreateServiceAsync();
        var id = await mage.RunToEndAsync(service, "v1", TestManifests.Failing);

        var json = (await mage.RunAsync("status", id, "--json")).Json();

        Assert.Equal(id, json.GetProperty("id").GetString());
        Assert.Equal("failed", json.GetProperty("status").GetString());
        Assert.Equal("FAILURE", json.GetProperty("mageStatus").GetString());
        Assert.Equal(["setup", "build", "test"], json.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var job = json.GetProperty("stages")[1].GetProperty("jobs")[0];
        Assert.Equal("build.1", job.GetProperty("name").GetString());
        Assert.Equal(3, job.GetProperty("exitCode").GetInt32());
        Assert.Equal($"/api/builds/{id}/jobs/build.1/log", job.GetProperty("logUri").GetString());
    }

    [Fact]
    public async Task Status_UnknownBuild_ExitsThreeWith404()
    {
        var result = await mage.RunAsync("status", "nope-1-abcdef");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("mage: Build not found (404): Build nope-1-abcdef does not exist.", result.Error.TrimEnd());
        Assert.Empty(result.Output);
    }
}
