using System.Text.RegularExpressions;
using Mage.Functions.Tests.Infrastructure;
using Mage.Testing;
using Xunit.Abstractions;

namespace Mage.Functions.Tests.Hosting;

/// <summary>
/// The app as a real process stopped with SIGTERM (a rolling deploy, a test that restarts it): the
/// durable engine must hand its work back and the process exit well within the engine's
/// <c>ShutdownTimeout</c>, never by running into it.
/// </summary>
public sealed partial class AppStopTests(ITestOutputHelper output)
{
    private const string StoppedWithin = "did not stop within";

    [Fact]
    public async Task Sigterm_IdleApp_EngineStopsCleanlyAndProcessExitsSoon()
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "stop");
        await using var app = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings);
        await WaitForOutputAsync(app, "Durable engine started", TimeSpan.FromSeconds(60));

        var exit = await app.TerminateAsync(TimeSpan.FromSeconds(30));

        Report(app, exit);
        Assert.True(exit is not null, $"the app did not exit within 30 s of SIGTERM:\n{Tail(app)}");
        Assert.DoesNotContain(StoppedWithin, app.Output, StringComparison.Ordinal);
        Assert.Matches(EngineStoppedLine(), app.Output);
    }

    [Fact]
    public async Task Sigterm_AfterABuildFinished_EngineStopsCleanlyAndProcessExitsSoon()
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "stopafter");
        await using var app = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings);
        var api = ApiOf(app, settings);
        var service = TestNames.Unique("svc");
        await api.CreateServiceAsync(service);
        var id = (await api.SubmitAcceptedAsync(service, "v1", """
            driver: { type: local }
            stages: [one]
            jobs:
              - { stage: one, commands: ["echo done"] }
            """)).Id;
        Assert.Equal("passed", (await api.WaitForEndAsync(id, TimeSpan.FromMinutes(2))).Status);

        var exit = await app.TerminateAsync(TimeSpan.FromSeconds(30));

        Report(app, exit);
        Assert.True(exit is not null, $"the app did not exit within 30 s of SIGTERM:\n{Tail(app)}");
        Assert.DoesNotContain(StoppedWithin, app.Output, StringComparison.Ordinal);
        Assert.Matches(EngineStoppedLine(), app.Output);
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
        foreach (var kv in (Environment.GetEnvironmentVariable("FASTSTOP_EXTRA") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)) { settings[kv.Split('=')[0]] = kv.Split('=')[1]; } // TEMP measurement
        string id;
        await using (var first = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings))
        {
            var api = ApiOf(first, settings);
            var service = TestNames.Unique("svc");
            await api.CreateServiceAsync(service);
            id = (await api.SubmitAcceptedAsync(service, "v1", """
                driver: { type: local }
                stages: [one]
                jobs:
                  - { stage: one, commands: ["echo started", "sleep 60", "echo finished"] }
                """)).Id;
            await WaitForJobLogAsync(api, id, "started");

            var exit = await first.TerminateAsync(TimeSpan.FromSeconds(30));

            Report(first, exit);
            Assert.True(exit is not null, $"the app did not exit within 30 s of SIGTERM:\n{Tail(first)}");
            Assert.DoesNotContain(StoppedWithin, first.Output, StringComparison.Ordinal);
            Assert.Matches(EngineStoppedLine(), first.Output);
        }

        await using var second = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings);
        var final = await ApiOf(second, settings).WaitForEndAsync(id, TimeSpan.FromMinutes(2));
        Assert.Equal("failed", final.Status);
        Assert.Contains("the worker running this job stopped", final.Error, StringComparison.Ordinal);
        Assert.All(final.Stages.SelectMany(s => s.Jobs), job => Assert.NotEqual("running", job.Status));
    }

    private static BuildApi ApiOf(AppProcess app, Dictionary<string, string?> settings)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", settings["Mage:AdminKey"]);
        return new BuildApi(client);
    }

    private static async Task WaitForJobLogAsync(BuildApi api, string id, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await api.Client.GetAsync(new Uri($"/api/builds/{id}/jobs/one.1/log", UriKind.Relative));
            if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"job one.1 of {id} never printed '{text}'");
    }

    private void Report(AppProcess app, TimeSpan? exit)
    {
        var stopped = EngineStoppedLine().Match(app.Output);
        output.WriteLine($"exit after SIGTERM: {(exit is { } e ? $"{e.TotalMilliseconds:F0} ms" : "none within the limit")}; engine: {(stopped.Success ? stopped.Value : "no 'stopped' line")}; '{StoppedWithin}': {app.Output.Contains(StoppedWithin, StringComparison.Ordinal)}");
        output.WriteLine(Tail(app));
    }

    private static string Tail(AppProcess app) => app.Output[^Math.Min(app.Output.Length, 8000)..];

    private static async Task WaitForOutputAsync(AppProcess app, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!app.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the app never printed '{text}':\n{Tail(app)}");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"Durable engine on worker \S+ stopped in \d+ ms")]
    private static partial Regex EngineStoppedLine();
}
