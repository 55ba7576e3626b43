using Mage.Cli.Tests.Infrastructure;

namespace Mage.Cli.Tests.Commands;

/// <summary><c>mage kill</c> on real builds.</summary>
public sealed class KillCommandTests(MageAppFixture mage) : IClassFixture<MageAppFixture>
{
    [Fact]
    public async Task Kill_RunningBuildFollowedBySubmit_StopsItAndSubmitExitsOne()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(TestManifests.Sleeping);
        var follow = mage.RunAsync("submit", "--service", service, "--tag", "v1", "--manifest", manifest.Path, "--follow");
        var id = await WaitForRunningJobAsync(service);

        var kill = await mage.RunAsync("kill", id);
        var followed = await follow.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(kill.ExitCode == 0, kill.ToString());
        Assert.Equal($"kill requested: build {id} stops its jobs now (see mage status {id})", kill.Output.TrimEnd());
        Assert.True(followed.ExitCode == 1, followed.ToString());
        Assert.Contains("[wait.1] sleeping", followed.Lines);
        Assert.Contains($"build {id} killed · FAILURE in ", followed.Lines[^1], StringComparison.Ordinal);
        var status = (await mage.RunAsync("status", id, "--json")).Json();
        Assert.Equal("killed", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Submit_FollowInterrupted_Exits130AndTheBuildGoesOn()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(TestManifests.Sleeping);
        using var interrupt = new CancellationTokenSource();
        var follow = mage.RunAsync(new Dictionary<string, string> { ["MAGE_KEY"] = mage.App.AdminKey }, null, interrupt.Token,
            "submit", "--service", service, "--tag", "v1", "--manifest", manifest.Path, "--follow");
        var id = await WaitForRunningJobAsync(service);

        await interrupt.CancelAsync();
        var followed = await follow.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(followed.ExitCode == 130, followed.ToString());
        Assert.Equal($"mage: stopped following; build {id} goes on (mage status {id}, mage kill {id})", followed.Error.TrimEnd());
        // Only the CLI stopped: the build still runs until it is killed.
        Assert.Equal("running", (await mage.RunAsync("status", id, "--json")).Json().GetProperty("status").GetString());
        Assert.Equal(0, (await mage.RunAsync("kill", id)).ExitCode);
    }

    [Fact]
    public async Task Kill_FinishedBuild_ExitsThreeWithTheConflict()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(TestManifests.Passing);
        var submitted = await mage.RunAsync("submit", "--service", service, "--tag", "v1", "--manifest", manifest.Path, "--follow", "--json");
        var id = submitted.Json().GetProperty("id").GetString()!;

        var kill = await mage.RunAsync("kill", id);

        Assert.True(kill.ExitCode == 3, kill.ToString());
        Assert.Equal($"mage: Build finished (409): Build {id} already finished with status passed; there is nothing to kill.", kill.Error.TrimEnd());
    }

    [Fact]
    public async Task Kill_Json_WritesTheBuildSummary()
    {
        var service = await mage.CreateServiceAsync();
        using var manifest = new TempManifest(TestManifests.Sleeping);
        await mage.RunAsync("submit", "--service", service, "--tag", "v1", "--manifest", manifest.Path);
        var id = await WaitForRunningJobAsync(service);

        var kill = await mage.RunAsync("kill", id, "--json");

        Assert.True(kill.ExitCode == 0, kill.ToString());
        var json = kill.Json();
        Assert.Equal(id, json.GetProperty("id").GetString());
        Assert.Equal("running", json.GetProperty("status").GetString());
    }

    /// <summary>The id of the service's newest build once its job runs (found through <c>mage builds</c> and <c>mage status</c>).</summary>
    private async Task<string> WaitForRunningJobAsync(string service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var builds = (await mage.RunAsync("builds", "--service", service, "--json")).Json().GetProperty("items");
            if (builds.GetArrayLength() > 0)
            {
                var id = builds[0].GetProperty("id").GetString()!;
                var build = (await mage.RunAsync("status", id, "--json")).Json();
                var running = build.GetProperty("stages").EnumerateArray()
                    .SelectMany(s => s.GetProperty("jobs").EnumerateArray())
                    .Any(j => j.GetProperty("name").GetString() == "wait.1" && j.GetProperty("status").GetString() == "running");
                if (running)
                {
                    return id;
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no build of {service} ran its job within 60 s");
        return "";
    }
}
