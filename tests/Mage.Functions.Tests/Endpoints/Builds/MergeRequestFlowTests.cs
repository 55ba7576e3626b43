using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Mage.Builds;
using Mage.Builds.Codegen;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Durable;
using Mage.Functions.Endpoints.Builds;
using Mage.Functions.Tests.Infrastructure;
using Mage.Manifests;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Tests.Endpoints.Builds;

/// <summary>
/// Step 9 inside real builds: the app on Azurite, /bin/sh jobs, and a bare git repository as the
/// service's repository. The build is registered and its generated code stored the way the submit
/// and code generation steps do, so the orchestrator runs the merge-request step.
/// </summary>
public sealed class MergeRequestFlowTests
{
    private const string Manifest = """
        driver:
          type: os
        stages: [build, lint]
        jobs:
          - stage: build
            commands: [echo built]
          - stage: lint
            commands: [exit 3]
        allow_failures: [lint]
        """;

    [Fact]
    public async Task Build_WithConfigurationVersion_PassesOnlyWithMergeRequestOnRecordAndView()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var bare = await GitFixture.CreateBareRepositoryAsync("README.md", "# demo\n");
        await PutGitRepositoryAsync(scenario, new Uri(bare).AbsoluteUri);

        var id = await StartBuildAsync(scenario, "v1.2.0", Manifest, ("src/Program.cs", "// generated\n"));
        var build = await scenario.Api.WaitForEndAsync(id);

        // A failed job in an allow_failures stage still opens the merge request.
        Assert.Equal("passed_with_failures", build.Status);
        Assert.NotNull(build.MergeRequest);
        Assert.Equal(new MergeRequestRef($"{new Uri(bare).AbsoluteUri}#mage/v1.2.0", null, "mage/v1.2.0"), build.MergeRequest);
        Assert.Equal("// generated\n", await GitAsync(bare, "show", "mage/v1.2.0:src/Program.cs"));
        var message = await GitAsync(bare, "log", "-1", "--format=%B", "mage/v1.2.0");
        Assert.Contains($"Mage-Build: {id}", message, StringComparison.Ordinal);
        var listed = await scenario.Api.Client.GetFromJsonAsync<BuildPage>(new Uri($"/api/services/{scenario.Service}/builds", UriKind.Relative));
        Assert.Equal(build.MergeRequest, listed!.Items.Single().MergeRequest);
    }

    [Fact]
    public async Task Build_MergeRequestFails_BuildFailedWithReason()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var missing = new Uri(Path.Combine(Path.GetTempPath(), "mage-missing-" + Guid.NewGuid().ToString("N"), "repo.git")).AbsoluteUri;
        await PutGitRepositoryAsync(scenario, missing);

        var id = await StartBuildAsync(scenario, "v9", """
            driver:
              type: os
            stages: [build]
            jobs:
              - stage: build
                commands: [echo ok]
            """, ("a.txt", "a"));
        var build = await scenario.Api.WaitForEndAsync(id);

        Assert.Equal("failed", build.Status);
        Assert.StartsWith("merge request: ", build.Error, StringComparison.Ordinal);
        Assert.Contains("was not found", build.Error, StringComparison.Ordinal);
        Assert.Null(build.MergeRequest);
    }

    private static async Task PutGitRepositoryAsync(BuildScenario scenario, string url)
    {
        var response = await scenario.Api.Client.PutAsJsonAsync(new Uri($"/api/services/{scenario.Service}", UriKind.Relative),
            new { displayName = "demo", repository = new { provider = "git", url, targetBranch = "main" } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Registers the build and its jobs, stores its generated code and schedules it with a configuration version, as submit and code generation will.</summary>
    private static async Task<string> StartBuildAsync(BuildScenario scenario, string tag, string manifest, params (string Path, string Content)[] files)
    {
        var services = scenario.App.Services;
        Assert.True(await services.GetRequiredService<BuildStorageReadiness>().WaitAsync(TimeSpan.FromSeconds(30), default));
        var options = services.GetRequiredService<MageOptions>();
        var plan = ManifestValidator.Validate(manifest, options.ManifestLimits).Plan!;
        var build = (await services.GetRequiredService<BuildStore>().CreateAsync(new NewBuild(scenario.Service, tag, null, 1, null), default)).Build;
        await services.GetRequiredService<JobStore>().RegisterAsync(scenario.Service, build.Number, plan, default);
        await services.GetRequiredService<GeneratedCodeStore>().SaveAsync(scenario.Service, build.Number,
            files.Select(f => new GeneratedFile(f.Path, Encoding.UTF8.GetBytes(f.Content))).ToList(), default);
        await services.GetRequiredService<DurableTaskClient>().ScheduleNewOrchestrationInstanceAsync(nameof(BuildOrchestrator), new BuildOrchestrationInput
        {
            BuildId = build.Id,
            Service = scenario.Service,
            Number = build.Number,
            Tag = tag,
            Plan = plan,
            DriverCreateTimeout = options.DriverCreateTimeout,
            BuildTimeout = options.BuildTimeout,
            ConfigurationVersion = 1,
        }, new StartOrchestrationOptions(build.Id), default);
        return build.Id;
    }

    private static async Task<string> GitAsync(string repository, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
