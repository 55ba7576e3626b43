using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Mage.Functions.Tests.Infrastructure;
using Mage.Testing;
using Xunit.Abstractions;

namespace Mage.Functions.Tests.Hosting;

/// <summary>
/// The app as a real process stopped with SIGTERM (a rolling deploy, a test that restarts it): the
/// durable engine hands its work back and the process exits well within the engine's
/// <c>ShutdownTimeout</c> (5 s by default), never by running into it, and releases its partitions.
/// </summary>
/// <remarks>
/// Measured on a 2-core machine: about 1.1 s from SIGTERM to exit, idle or mid-job (the engine's
/// own waits poll once a second). Before the engine stopped its parts in order, a stop with a
/// build's orchestration in memory (an extended session) always ran into the 5 s timeout (9 s
/// when the timeout was raised), while an idle one took 2 s. The bound below leaves room for a
/// loaded machine and still fails that case.
/// </remarks>
public sealed partial class AppStopTests(ITestOutputHelper output)
{
    /// <summary>Well below the default <c>Mage__Durable__ShutdownTimeout</c> (5 s), with room for a loaded machine.</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(4);

    private const string TimedOut = "did not stop within";

    [Fact]
    public async Task Sigterm_IdleApp_EngineStopsCleanlyAndProcessExitsSoon()
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "stopidle");
        await using var app = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings);
        await WaitForOutputAsync(app, "Durable engine started", TimeSpan.FromSeconds(60));

        var exit = await app.TerminateAsync(TimeSpan.FromSeconds(30));

        AssertStoppedCleanly(app, exit);
        await AssertNoPartitionOwnedAsync(azurite, settings);
    }

    [Fact]
    public async Task Sigterm_MidJob_EngineStopsCleanlyAndRestartedAppFailsTheJobWithAReason()
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "stopmid");
        settings["Mage:JobHeartbeatInterval"] = "00:00:01";
        settings["Mage:JobHeartbeatTimeout"] = "00:00:03";
        settings["Mage:Durable:WorkItemVisibility"] = "00:00:10";
        settings["Mage:Durable:ControlQueueVisibility"] = "00:00:30";
        string id;
        await using (var first = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings))
        {
            var api = BuildApi.Of(first, settings);
            var service = TestNames.Unique("svc");
            await api.CreateServiceAsync(service);
            id = (await api.SubmitAcceptedAsync(service, "v1", """
                driver: { type: local }
                stages: [one]
                jobs:
                  - { stage: one, commands: ["echo started", "sleep 60", "echo finished"] }
                """)).Id;

            // The build's orchestration now waits in memory (an extended session) for the job's result.
            await api.WaitForLogAsync(id, "one.1", "started");

            var exit = await first.TerminateAsync(TimeSpan.FromSeconds(30));

            AssertStoppedCleanly(first, exit);
            await AssertNoPartitionOwnedAsync(azurite, settings);
        }

        // Nothing was lost: the next app runs the rest of the build, and the stopped job says why it failed.
        await using var second = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings);
        var final = await BuildApi.Of(second, settings).WaitForEndAsync(id, TimeSpan.FromMinutes(2));
        Assert.Equal("failed", final.Status);
        Assert.Contains("the worker running this job stopped", final.Error, StringComparison.Ordinal);
        Assert.All(final.Stages.SelectMany(s => s.Jobs), job => Assert.NotEqual("running", job.Status));
    }

    private void AssertStoppedCleanly(AppProcess app, TimeSpan? exit)
    {
        var stopped = EngineStoppedLine().Match(app.Output);
        var summary = $"exit {(exit is { } e ? $"{e.TotalMilliseconds:F0} ms" : "none within 30 s")} after SIGTERM; engine: {(stopped.Success ? stopped.Value : "no 'stopped' line")}";
        output.WriteLine(summary);
        Assert.True(exit is not null, $"{summary}\n{Tail(app)}");
        Assert.True(exit < ExitBound, $"{summary}; expected an exit within {ExitBound}\n{Tail(app)}");
        Assert.False(app.Output.Contains(TimedOut, StringComparison.Ordinal), $"{summary}; the engine ran into its ShutdownTimeout\n{Tail(app)}");
        Assert.True(stopped.Success, $"{summary}\n{Tail(app)}");
    }

    /// <summary>The provider's partition table (<c>&lt;hub&gt;Partitions</c>): a released lease has no current owner.</summary>
    private static async Task AssertNoPartitionOwnedAsync(TestAzurite azurite, Dictionary<string, string?> settings)
    {
        var table = azurite.Clients().GetTable(settings["Mage:TaskHub"] + "Partitions");
        var owners = new List<string>();
        await foreach (var partition in table.QueryAsync<TableEntity>())
        {
            owners.Add($"{partition.RowKey}: {partition.GetString("CurrentOwner") ?? "(none)"}");
        }

        Assert.NotEmpty(owners);
        Assert.All(owners, owner => Assert.EndsWith("(none)", owner, StringComparison.Ordinal));
    }

    private static async Task WaitForOutputAsync(AppProcess app, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!app.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the app never printed '{text}':\n{Tail(app)}");
            await Task.Delay(100);
        }
    }

    private static string Tail(AppProcess app) => app.Output[^Math.Min(app.Output.Length, 8000)..];

    [GeneratedRegex(@"Durable engine on worker \S+ stopped in \d+ ms")]
    private static partial Regex EngineStoppedLine();
}
