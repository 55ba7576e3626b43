using Mage.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mage.Builds.Records;
using Mage.CodeHosts;
using Mage.Functions.Endpoints.Builds;
using Mage.Functions.Tests.Infrastructure;

namespace Mage.Functions.Tests.Endpoints.Builds;

/// <summary>
/// The whole Mage flow with the git provider: the app on Azurite, a saved configuration, code
/// generation, /bin/sh stage jobs and a real bare git repository as the service's repository.
/// </summary>
public sealed class MergeRequestFlowTests
{
    private const string Manifest = """
        driver:
          type: os
        stages: [build, lint]
        jobs:
          - stage: build
            commands: [ls generated]
          - stage: lint
            commands: [exit 3]
        allow_failures: [lint]
        """;

    [Fact]
    public async Task Build_FromSavedConfiguration_PassesOnlyWithMergeRequestOnRecordAndView()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var bare = await GitFixture.CreateBareRepositoryAsync("NOTES.md", "# notes by a person\n");
        await PutGitRepositoryAsync(scenario, new Uri(bare).AbsoluteUri);
        await PutConfigurationAsync(scenario);

        var accepted = await scenario.Api.SubmitAcceptedAsync(scenario.Service, "v1.2.0", Manifest);
        var build = await scenario.Api.WaitForEndAsync(accepted.Id, TimeSpan.FromMinutes(2));

        // A failed job in an allow_failures stage still opens the merge request.
        Assert.True(build.Status == "passed_with_failures", $"{build.Status}: {build.Error}");
        Assert.Equal(new MergeRequestRef($"{new Uri(bare).AbsoluteUri}#mage/v1.2.0", null, "mage/v1.2.0"), build.MergeRequest);
        var message = await TestGit.RunAsync(bare, "log", "-1", "--format=%B", "mage/v1.2.0");
        Assert.Contains($"Mage-Build: {accepted.Id}", message, StringComparison.Ordinal);
        Assert.Contains("configuration version 1", message, StringComparison.Ordinal);
        var generated = GeneratedFilesIndex.ParsePaths(Encoding.UTF8.GetBytes(await TestGit.RunAsync(bare, "show", $"mage/v1.2.0:{GeneratedFilesIndex.Path}")));
        Assert.NotEmpty(generated);
        foreach (var path in generated)
        {
            await TestGit.RunAsync(bare, "cat-file", "-e", $"mage/v1.2.0:{path}"); // every indexed file is in the branch
        }

        Assert.Equal("# notes by a person\n", await TestGit.RunAsync(bare, "show", "mage/v1.2.0:NOTES.md")); // not generated: kept
        var listed = await scenario.Api.Client.GetFromJsonAsync<BuildPage>(new Uri($"/api/services/{scenario.Service}/builds", UriKind.Relative));
        Assert.Equal(build.MergeRequest, listed!.Items.Single().MergeRequest);
    }

    [Fact]
    public async Task Build_MergeRequestFails_BuildFailedWithReason()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var missing = new Uri(Path.Combine(Path.GetTempPath(), "mage-missing-" + Guid.NewGuid().ToString("N"), "repo.git")).AbsoluteUri;
        await PutGitRepositoryAsync(scenario, missing);
        await PutConfigurationAsync(scenario);

        var accepted = await scenario.Api.SubmitAcceptedAsync(scenario.Service, "v9", """
            driver:
              type: os
            stages: [build]
            jobs:
              - stage: build
                commands: [echo ok]
            """);
        var build = await scenario.Api.WaitForEndAsync(accepted.Id, TimeSpan.FromMinutes(2));

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

    private static async Task PutConfigurationAsync(BuildScenario scenario)
    {
        var response = await scenario.Api.Client.PutAsync(new Uri($"/api/services/{scenario.Service}/configuration", UriKind.Relative),
            new StringContent(Configuration.ConfigurationEndpointsTests.Minimal(scenario.Service), Encoding.UTF8, "application/yaml"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

}
