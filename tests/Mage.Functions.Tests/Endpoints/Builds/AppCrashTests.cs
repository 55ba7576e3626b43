using Mage.Functions.Endpoints.Builds;
using Mage.Functions.Tests.Infrastructure;
using Mage.Testing;

namespace Mage.Functions.Tests.Endpoints.Builds;

/// <summary>
/// The app killed with SIGKILL in the middle of a build, then started again over the same storage:
/// the build must end with a true final status and a reason, never stay <c>running</c>.
/// </summary>
public sealed class AppCrashTests
{
    [Fact]
    public async Task KillNine_MidBuild_RestartedAppFinishesTheBuildWithAReason()
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "crash");
        settings["Mage:JobHeartbeatInterval"] = "00:00:01";
        settings["Mage:JobHeartbeatTimeout"] = "00:00:03";
        // How soon the engine redelivers the dead process's activity (10 s) and episodes (30 s, the partition
        // lease's length: shorter made the provider thrash between instances on a loaded machine, see ChaosTests).
        settings["Mage:Durable:WorkItemVisibility"] = "00:00:10";
        settings["Mage:Durable:ControlQueueVisibility"] = "00:00:30";
        const string Manifest = """
            driver: { type: local }
            stages: [one]
            jobs:
              - { stage: one, commands: ["echo started", "sleep 20", "echo finished"] }
            """;

        string id;
        await using (var first = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings))
        {
            var api = BuildApi.Of(first, settings);
            var service = TestNames.Unique("svc");
            await api.CreateServiceAsync(service);
            id = (await api.SubmitAcceptedAsync(service, "v1", Manifest)).Id;
            await api.WaitForLogAsync(id, "one.1", "started");
            first.KillHard();
        }

        await using var second = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings);
        BuildView final;
        try
        {
            final = await BuildApi.Of(second, settings).WaitForEndAsync(id, TimeSpan.FromMinutes(2));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"{ex.Message}\n--- restarted app's output ---\n{second.Output[^Math.Min(second.Output.Length, 6000)..]}", ex);
        }

        // The job's process died with the first app, and its script must not run twice: the honest
        // outcome is a failure that says why.
        Assert.Equal("failed", final.Status);
        Assert.Contains("the worker running this job stopped", final.Error, StringComparison.Ordinal);
        Assert.NotNull(final.FinishedAt);
        Assert.All(final.Stages.SelectMany(s => s.Jobs), job => Assert.NotEqual("running", job.Status));
    }
}
