using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mage.Builds.Records;
using Mage.Codegen;
using Mage.CodeHosts;
using Mage.Functions.Endpoints.Builds;
using Mage.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mage.Functions.Tests.Endpoints.Builds;

/// <summary>
/// Issue #7's promise end to end, with nothing of the test's own in the build: a saved
/// configuration, no manifest (so the pack's default manifest runs <c>dotnet build</c> and
/// <c>dotnet test</c> of the generated service as stage jobs), and the git provider pushing to a
/// real bare repository.
/// </summary>
public sealed partial class GeneratedServiceFlowTests
{
    private const string Tag = "v1.0.0";
    private const string Branch = "mage/" + Tag;

    // Restore, build and test of a generated service take a minute or two on two cores; this only bounds a hang.
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Build_SavedConfigurationWithoutManifest_GeneratedServicePassesItsTestsAndOneCommitIsPushed()
    {
        await using var scenario = await BuildScenario.StartAsync();
        var bare = await GitFixture.CreateBareRepositoryAsync("NOTES.md", "# notes by a person\n");
        await PutServiceAsync(scenario, new Uri(bare).AbsoluteUri);
        await PutVariableAsync(scenario, "NUGET_PACKAGES", await GlobalPackagesFolderAsync());
        await PutConfigurationAsync(scenario);

        var submit = await scenario.Api.SubmitAsync(scenario.Service, Tag, manifest: null);
        Assert.True(submit.StatusCode == HttpStatusCode.Accepted, $"submit: {(int)submit.StatusCode} {await submit.Content.ReadAsStringAsync()}");
        var id = (await submit.Content.ReadFromJsonAsync<BuildAccepted>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.Id;
        var build = await WaitWithLogsAsync(scenario.Api, id);

        Assert.True(build.Status == "passed", $"build {build.Status}: {build.Error}\n{await AllLogsAsync(scenario.Api, build)}");
        Assert.Equal(["build", "test"], build.Stages.Select(s => s.Name).Where(n => n is "build" or "test"));
        var testLog = await scenario.Api.LogAsync(id, "test.1");
        var passed = PassedCount().Matches(testLog).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(passed > 0, $"the test job ran no generated test:\n{testLog}");
        Assert.DoesNotMatch(FailedCount(), testLog);

        Assert.Equal(new MergeRequestRef($"{new Uri(bare).AbsoluteUri}#{Branch}", null, Branch), build.MergeRequest);
        Assert.Equal("1", (await GitAsync(bare, "rev-list", "--count", $"main..{Branch}")).Trim());
        Assert.Contains($"Mage-Build: {id}", await GitAsync(bare, "log", "-1", "--format=%B", Branch), StringComparison.Ordinal);
        var pascal = Naming.Pascal(scenario.Service);
        await GitAsync(bare, "cat-file", "-e", $"{Branch}:src/{pascal}/Program.cs");
        await GitAsync(bare, "cat-file", "-e", $"{Branch}:tests/{pascal}.Tests/CustomerEndpointsTests.cs");
        var head = (await GitAsync(bare, "rev-parse", Branch)).Trim();

        // At-least-once: the step runs again for the same build as if the worker had died after the
        // push and before recording the merge request. The code host finds its commit by trailer.
        var again = await PublishAgainAsync(scenario, id, build.ConfigurationVersion!.Value);

        Assert.Equal(build.MergeRequest, again);
        Assert.Equal(head, (await GitAsync(bare, "rev-parse", Branch)).Trim());
        Assert.Equal("1", (await GitAsync(bare, "rev-list", "--count", $"main..{Branch}")).Trim());
    }

    private static async Task<MergeRequestRef> PublishAgainAsync(BuildScenario scenario, string id, long configurationVersion)
    {
        var services = scenario.App.Services;
        var record = (await services.GetRequiredService<BuildStore>().GetAsync(id, CancellationToken.None))!;
        var files = (await services.GetRequiredService<GeneratedCodeStore>().LoadAsync(record.Service, record.Number, CancellationToken.None))!;
        var jobs = await services.GetRequiredService<JobStore>().ListAsync(record.Service, record.Number, CancellationToken.None);
        var service = (await services.GetRequiredService<Mage.Catalog.ServiceCatalog>().GetAsync(record.Service, CancellationToken.None))!;
        var repository = service.Repository!;
        var change = MergeRequestText.Compose(record, configurationVersion, jobs, files, $"http://127.0.0.1:7071/api/builds/{id}");
        return await services.GetRequiredService<CodeHostRegistry>().Get(repository.Provider)
            .PublishAsync(new CodeHostRepository(repository.Url, repository.Project, repository.TargetBranch, null), change, CancellationToken.None);
    }

    private static async Task<BuildView> WaitWithLogsAsync(BuildApi api, string id)
    {
        var deadline = DateTime.UtcNow + BuildTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var build = await api.GetAsync(id);
            if (build.Status is "passed" or "passed_with_failures" or "failed" or "killed" or "timed_out")
            {
                return build;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var last = await api.GetAsync(id);
        Assert.Fail($"build {id} is still {last.Status} after {BuildTimeout}; job logs so far:\n{await AllLogsAsync(api, last)}");
        return last;
    }

    private static async Task<string> AllLogsAsync(BuildApi api, BuildView build)
    {
        var text = new StringBuilder();
        foreach (var job in build.Stages.SelectMany(s => s.Jobs))
        {
            text.Append("----- ").Append(job.Name).Append(" (").Append(job.Status).AppendLine(")");
            try
            {
                text.AppendLine(await api.LogAsync(build.Id, job.Name));
            }
            catch (HttpRequestException ex)
            {
                text.AppendLine($"(no log: {ex.Message})");
            }
        }

        return text.ToString();
    }

    private static async Task PutServiceAsync(BuildScenario scenario, string url)
    {
        var response = await scenario.Api.Client.PutAsJsonAsync(new Uri($"/api/services/{scenario.Service}", UriKind.Relative),
            new { displayName = "demo", repository = new { provider = "git", url, targetBranch = "main" } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task PutVariableAsync(BuildScenario scenario, string key, string value)
    {
        var response = await scenario.Api.Client.PutAsJsonAsync(new Uri($"/api/services/{scenario.Service}/variables/{key}", UriKind.Relative),
            new { value, masked = false });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task PutConfigurationAsync(BuildScenario scenario)
    {
        var response = await scenario.Api.Client.PutAsync(new Uri($"/api/services/{scenario.Service}/configuration", UriKind.Relative),
            new StringContent(Configuration.ConfigurationEndpointsTests.Minimal(scenario.Service), Encoding.UTF8, "application/yaml"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    // What a user does too (README): point the jobs' NuGet at the machine's warm package folder.
    private static async Task<string> GlobalPackagesFolderAsync()
    {
        var output = await RunAsync(Environment.CurrentDirectory, "dotnet", "nuget", "locals", "global-packages", "--list");
        var folder = output.Trim().Split(':', 2)[1].Trim();
        Assert.True(Directory.Exists(folder), $"dotnet's global packages folder {folder} does not exist");
        return folder;
    }

    private static Task<string> GitAsync(string repository, params string[] args) => RunAsync(repository, "git", args);

    private static async Task<string> RunAsync(string directory, string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        return await output;
    }

    [GeneratedRegex(@"Passed:\s+(\d+)")]
    private static partial Regex PassedCount();

    [GeneratedRegex(@"Failed:\s+[1-9]")]
    private static partial Regex FailedCount();
}
