using System.Net;
using System.Text.Json;
using Mage.Builds.Activities;
using Mage.Builds.Durable;
using Mage.Functions.Hosting.Durable;
using Mage.Functions.Worker.Durable;
using Mage.Functions.Worker.Http;
using Mage.Functions.Worker.Tests.Infrastructure;
using Mage.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Worker.Tests.Durable;

/// <summary>
/// A real build submitted through the worker's HTTP function and run by the standalone engine
/// (DurableTask.Core on Azurite) whose orchestrator and activities are the worker's function entry
/// points: the Functions host is not available here, the engine it would drive is.
/// </summary>
public sealed class BuildOrchestrationFunctionTests
{
    private const string Manifest = """
        driver: { type: local }
        stages: [build]
        jobs:
          - { stage: build, name: hello, commands: ["echo hello from the entry point"] }
        """;

    [Fact]
    public async Task Submit_ThroughTheWorker_RunsToPassedOnTheFunctionEntryPoints()
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "entry");
        await using var worker = await WorkerApp.StartAsync(settings);
        var entries = new FunctionEntryPoints(worker.Services);
        await using var standalone = new StandaloneApp(settings, entries.Register);
        using var admin = Seed.AdminClient(standalone, settings["Mage:AdminKey"]!);
        var service = await Seed.ServiceAsync(standalone, settings["Mage:AdminKey"]!);

        var submit = RequestSpec.WithKey(HttpMethod.Post, $"/api/services/{service}/builds", settings["Mage:AdminKey"])
            .WithBody(JsonSerializer.Serialize(new { tag = "v1", manifest = Manifest }), "application/json");
        var engineClient = standalone.Services.GetRequiredService<DurableTaskClient>();
        var accepted = await worker.InvokeAsync(submit, (sp, r) => ActivatorUtilities.CreateInstance<BuildFunctions>(sp).ServiceBuilds(r, engineClient));
        Assert.True(accepted.Status == (int)HttpStatusCode.Accepted, accepted.ToString());
        var id = JsonDocument.Parse(accepted.Body).RootElement.GetProperty("id").GetString()!;

        var status = await WaitForEndAsync(admin, id, TimeSpan.FromMinutes(3));

        Assert.Equal("passed", status);
        Assert.True(entries.Calls.GetValueOrDefault(BuildOrchestrationFunction.Name) >= 1, "the orchestrator did not run through BuildOrchestrationFunction");
        foreach (var activity in new[] { nameof(CreateDriverActivity), nameof(RunJobActivity), nameof(DestroyDriverActivity), nameof(UpdateBuildStatusActivity) })
        {
            Assert.True(entries.Calls.GetValueOrDefault(activity) >= 1, $"{activity} did not run through BuildActivityFunctions");
        }

        Assert.All(entries.Calls.Keys, name => Assert.True(name == BuildOrchestrationFunction.Name || BuildTasks.Activities.Any(t => t.Name == name), name));
        var log = await admin.GetStringAsync(new Uri($"/api/builds/{id}/jobs/hello/log", UriKind.Relative));
        Assert.Contains("hello from the entry point", log, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForEndAsync(HttpClient admin, string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string status;
        do
        {
            await Task.Delay(250);
            using var build = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/builds/{id}", UriKind.Relative)));
            status = build.RootElement.GetProperty("status").GetString()!;
        }
        while (status is "queued" or "running" && DateTime.UtcNow < deadline);

        return status;
    }
}
