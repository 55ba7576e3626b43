using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mage.Builds.Records;
using Mage.CodeHosts;
using Mage.Functions.Endpoints.Builds;
using Mage.Functions.Tests.Infrastructure;
using Mage.Testing;
using Xunit.Abstractions;

namespace Mage.Functions.Tests.Endpoints.Builds;

/// <summary>
/// Three app processes on one Azurite and one task hub run 30 builds of three jobs each (a few of
/// them with code generation and a merge request on a real git repository) while app processes are
/// killed with SIGKILL at random and started again. Every build must end, passed or failed with a
/// reason; no job script may run twice (each appends a line keyed by build and job to a marker file
/// outside the workspaces); no merge request may be opened twice (one commit with the build's trailer).
/// </summary>
/// <remarks>
/// Set <c>MAGE_CHAOS_SEED</c> to replay a run's choices (which builds publish, job lengths, when and
/// which process is killed); the seed is printed and is in every failure message. The bounds are
/// generous on purpose: a slow machine makes the run longer, only a lost, stuck or repeated build fails it.
/// </remarks>
public sealed class ChaosTests(ITestOutputHelper output)
{
    private const int Processes = 3;
    private const int Builds = 30;
    private const int MergeRequestBuilds = 4;

    /// <summary>How long app processes are being killed (submissions run in the first part of it).</summary>
    private static readonly TimeSpan ChaosPeriod = TimeSpan.FromSeconds(45);

    /// <summary>How long the builds may take to end once the killing stops (leases move after about 30 s).</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(3);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task RandomKillNine_ThreeProcessesThirtyBuilds_EveryBuildEndsNoScriptOrMergeRequestTwice()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("MAGE_CHAOS_SEED"), CultureInfo.InvariantCulture, out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        var random = new Random(seed);
        output.WriteLine($"chaos seed {seed} (MAGE_CHAOS_SEED={seed} replays it)");

        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "chaos");
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Mage:RateLimits:SubmitPerMinute"] = "100000";
        settings["Mage:JobHeartbeatInterval"] = "00:00:01";
        settings["Mage:JobHeartbeatTimeout"] = "00:00:03";
        settings["Mage:Durable:WorkItemVisibility"] = "00:00:10";

        // Not the 10 s minimum: on a loaded machine an episode can outlast 10 s, and then the provider thrashes
        // (split brain between workers, pop-receipt mismatches, builds running for minutes). 30 s is the partition
        // lease's own length, so a dead worker's episodes move no later than its partitions do.
        settings["Mage:Durable:ControlQueueVisibility"] = "00:00:30";

        // A process killed between recording a build and scheduling it leaves it queued: the sweep must find it soon.
        settings["Mage:StrandedBuildGrace"] = "00:00:10";
        settings["Mage:StrandedBuildSweepInterval"] = "00:00:05";
        var markers = Path.Combine(Directory.CreateTempSubdirectory("mage-chaos-markers-").FullName, "runs.txt");
        await File.WriteAllTextAsync(markers, string.Empty);

        await using var cluster = await AppCluster.StartAsync(settings, Processes);
        var plain = TestNames.Unique("svc");
        var publishing = TestNames.Unique("svc");
        var bare = await GitFixture.CreateBareRepositoryAsync("NOTES.md", "# notes\n");
        await PutAsync(cluster, $"/api/services/{plain}", () => JsonContent.Create(new { displayName = "chaos" }));
        await PutAsync(cluster, $"/api/services/{publishing}",
            () => JsonContent.Create(new { displayName = "chaos mr", repository = new { provider = "git", url = new Uri(bare).AbsoluteUri, targetBranch = "main" } }));
        await PutAsync(cluster, $"/api/services/{publishing}/configuration",
            () => new StringContent(Configuration.ConfigurationEndpointsTests.Minimal(publishing), Encoding.UTF8, "application/yaml"));

        var publishers = Enumerable.Range(0, Builds).OrderBy(_ => random.Next()).Take(MergeRequestBuilds).ToHashSet();
        var planned = Enumerable.Range(0, Builds).Select(i => new PlannedBuild(
            publishers.Contains(i) ? publishing : plain, $"v{i}", Manifest(markers, random.Next(1, 4), random.Next(1, 4), random.Next(1, 3)),
            TimeSpan.FromMilliseconds(random.Next(100, 600)))).ToList();
        var kills = Enumerable.Range(0, 32).Select(_ => (Wait: TimeSpan.FromMilliseconds(random.Next(2000, 6000)), Slot: random.Next(Processes))).ToList();

        var clock = Stopwatch.StartNew();
        var submitting = SubmitAllAsync(cluster, planned);
        var killed = await KillUntilAsync(cluster, kills, ChaosPeriod);
        var accepted = await submitting;
        output.WriteLine($"{accepted.Count} builds submitted, {killed} processes killed and restarted in {clock.Elapsed.TotalSeconds:F0} s");

        var finals = await WaitAllAsync(cluster, accepted.Select(a => a.Id).ToList(), SettleTimeout);
        output.WriteLine($"all builds looked at after {clock.Elapsed.TotalSeconds:F0} s");

        var problems = new List<string>();
        var runs = (await File.ReadAllLinesAsync(markers)).Where(l => l.Length > 0).GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        problems.AddRange(runs.Where(r => r.Value > 1).Select(r => $"script of '{r.Key}' ran {r.Value} times"));
        foreach (var (build, index) in accepted.Select((b, i) => (b, i)))
        {
            if (!finals.TryGetValue(build.Id, out var final))
            {
                problems.Add($"build {build.Id} is lost (GET answers 404)");
                continue;
            }

            problems.AddRange(CheckBuild(final, runs));
            if (planned[index].Service == publishing)
            {
                problems.AddRange(await CheckMergeRequestAsync(bare, final));
            }
        }

        var statuses = string.Join(", ", finals.Values.GroupBy(b => b.Status).Select(g => $"{g.Count()} {g.Key}"));
        output.WriteLine($"statuses: {statuses}; job scripts started: {runs.Count}");
        foreach (var reason in finals.Values.Where(b => b.Status == "failed").GroupBy(b => b.Error))
        {
            output.WriteLine($"  failed ×{reason.Count()}: {reason.Key}");
        }

        Assert.True(problems.Count == 0,
            $"chaos seed {seed}, {killed} kills; statuses: {statuses}\n{string.Join('\n', problems)}\n{cluster.OutputTail()}");

        // The run must have exercised something: builds ran their scripts and processes were killed while they did.
        Assert.True(killed >= 3, $"chaos seed {seed}: only {killed} kills happened in {ChaosPeriod}");
        Assert.Contains(finals.Values, b => b.Status == "passed");
    }

    /// <summary>Two stages: two jobs in parallel, then one; each script first appends "build job" to the marker file.</summary>
    private static string Manifest(string markers, int first, int second, int third) => $"""
        driver: {"{"} type: local {"}"}
        stages: [one, two]
        jobs:
          - stage: one
            commands: ['echo "$MAGE_BUILD_ID $MAGE_JOB" >> {markers}', 'sleep {first}']
          - stage: one
            commands: ['echo "$MAGE_BUILD_ID $MAGE_JOB" >> {markers}', 'sleep {second}']
          - stage: two
            commands: ['echo "$MAGE_BUILD_ID $MAGE_JOB" >> {markers}', 'sleep {third}']
        """;

    /// <summary>What a final build must satisfy: ended, a reason when failed, no job left running, a passed job's script ran exactly once.</summary>
    private static IEnumerable<string> CheckBuild(BuildView build, Dictionary<string, int> runs)
    {
        if (build.FinishedAt is null || build.Status is not ("passed" or "failed"))
        {
            yield return $"build {build.Id} is stuck or ended wrongly: {build.Status} (error: {build.Error})";
            yield break;
        }

        if (build.Status == "failed" && string.IsNullOrWhiteSpace(build.Error))
        {
            yield return $"build {build.Id} failed without a reason";
        }

        // Only the manifest's stages: the view also lists the build's own steps (create-driver, …).
        foreach (var job in build.Stages.Where(s => s.Name is "one" or "two").SelectMany(s => s.Jobs))
        {
            var ran = runs.GetValueOrDefault($"{build.Id} {job.Name}");
            if (!BuildStatus.IsTerminal(job.Status))
            {
                yield return $"job {job.Name} of {build.Id} is {job.Status} in a build that ended {build.Status}";
            }
            else if (job.Status == "passed" && ran != 1)
            {
                yield return $"job {job.Name} of {build.Id} passed but its script ran {ran} times";
            }
        }
    }

    /// <summary>A passed publishing build opened its merge request exactly once; any other at most once.</summary>
    private static async Task<IEnumerable<string>> CheckMergeRequestAsync(string bare, BuildView build)
    {
        var commits = (await TestGit.RunAsync(bare, "log", "--all", "--format=%H", "--fixed-strings", $"--grep={MageCommit.Trailer(build.Id)}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var branches = (await TestGit.RunAsync(bare, "branch", "--list", $"mage/{build.Tag}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var problems = new List<string>();
        if (commits > 1)
        {
            problems.Add($"build {build.Id} opened its merge request {commits} times (commits with its trailer)");
        }

        if (build.Status == "passed" && (commits != 1 || branches != 1 || build.MergeRequest is null))
        {
            problems.Add($"build {build.Id} passed with {commits} trailer commits, {branches} branches mage/{build.Tag}, merge request {build.MergeRequest}");
        }

        return problems;
    }

    private static async Task<List<BuildAccepted>> SubmitAllAsync(AppCluster cluster, List<PlannedBuild> planned)
    {
        var accepted = new List<BuildAccepted>();
        foreach (var build in planned)
        {
            // The same key on every attempt: a POST whose answer was lost with its process is not a second build.
            var key = $"chaos-{build.Service}-{build.Tag}";
            using var response = await cluster.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/services/{build.Service}/builds", UriKind.Relative))
            {
                Content = JsonContent.Create(new { tag = build.Tag, manifest = build.Manifest }),
                Headers = { { "Idempotency-Key", key } },
            }, TimeSpan.FromMinutes(1));
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submit {build.Tag}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            accepted.Add((await response.Content.ReadFromJsonAsync<BuildAccepted>(Json))!);
            await Task.Delay(build.PauseAfter);
        }

        return accepted;
    }

    /// <summary>
    /// Kills processes on the planned schedule until <paramref name="period"/> is over, each restarted in the
    /// background (a planned slot that is still restarting gives way to the next running one; one instance
    /// always stays up); returns how many were killed once every restart is done.
    /// </summary>
    private static async Task<int> KillUntilAsync(AppCluster cluster, List<(TimeSpan Wait, int Slot)> schedule, TimeSpan period)
    {
        var clock = Stopwatch.StartNew();
        var restarts = new List<Task>();
        foreach (var (wait, planned) in schedule)
        {
            await Task.Delay(wait);
            if (clock.Elapsed > period)
            {
                break;
            }

            var running = Enumerable.Range(0, cluster.Size).Select(i => (planned + i) % cluster.Size).Where(cluster.IsRunning).ToList();
            if (running.Count > 1)
            {
                restarts.Add(cluster.KillAndRestartAsync(running[0]));
            }
        }

        await Task.WhenAll(restarts);
        return restarts.Count;
    }

    /// <summary>Polls every build until it has a final status or <paramref name="timeout"/> passes; a build answering 404 is left out.</summary>
    private static async Task<Dictionary<string, BuildView>> WaitAllAsync(AppCluster cluster, List<string> ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = new Dictionary<string, BuildView>(StringComparer.Ordinal);
        var open = new HashSet<string>(ids, StringComparer.Ordinal);
        while (open.Count > 0)
        {
            foreach (var id in open.ToList())
            {
                using var response = await cluster.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/builds/{id}", UriKind.Relative)), TimeSpan.FromMinutes(1));
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    seen.Remove(id);
                    open.Remove(id);
                    continue;
                }

                Assert.True(response.IsSuccessStatusCode, $"GET build {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                var build = (await response.Content.ReadFromJsonAsync<BuildView>(Json))!;
                seen[id] = build;
                if (build.FinishedAt is not null)
                {
                    open.Remove(id);
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                break; // what is still open is reported as stuck with its last status
            }

            await Task.Delay(1000);
        }

        return seen;
    }

    private static async Task PutAsync(AppCluster cluster, string path, Func<HttpContent> content)
    {
        using var response = await cluster.SendAsync(() => new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = content() }, TimeSpan.FromMinutes(1));
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private sealed record PlannedBuild(string Service, string Tag, string Manifest, TimeSpan PauseAfter);
}
