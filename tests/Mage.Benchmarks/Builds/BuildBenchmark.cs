using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Mage.Testing;

namespace Mage.Benchmarks.Builds;

/// <summary>
/// Whole builds through the real app (a separate process, as deployed) on local Azurite: a trivial
/// build from POST to final status, split into queueing, orchestration and the job; and 20 concurrent
/// <c>sleep 1</c> builds with one and two app processes. Anchors (2-core machine): Buildbot 3.7 with
/// PostgreSQL, 140 ms p50 trivial build, 2.3 s for the 20 builds; aims 60 ms and 1.5 s.
/// </summary>
public static class BuildBenchmark
{
    private const int TrivialBuilds = 40;
    private const int ConcurrentBuilds = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "bench");
        settings["Logging:LogLevel:Default"] = "Warning";

        // Measured here is the build path, not the per-key submit limit.
        settings["Mage:RateLimits:SubmitPerMinute"] = "1000000";

        var shell = ShellBaseline();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cores: {Environment.ProcessorCount}; `sh -c true` p50 {shell:F2} ms"));
        Console.WriteLine("anchor (Buildbot 3.7 + PostgreSQL, 2 cores): trivial build 140 ms p50, 20 concurrent sleep-1 builds 2.3 s; aim: 60 ms, 1.5 s");

        await using (var app = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings))
        {
            using var client = ClientOf(app, settings);
            var service = TestNames.Unique("svc");
            (await client.PutAsJsonAsync($"api/services/{service}", new { displayName = "bench" })).EnsureSuccessStatusCode();
            await TrivialAsync(client, service, 5, print: false, shell); // warm-up (JIT, tables, queues)
            await TrivialAsync(client, service, TrivialBuilds, print: true, shell);
            await ConcurrentAsync([client], service, "1 app process");

            await using var second = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings);
            using var secondClient = ClientOf(second, settings);
            await ConcurrentAsync([client, secondClient], service, "warm-up", print: false);
            await ConcurrentAsync([client, secondClient], service, "2 app processes");
        }
    }

    private static async Task TrivialAsync(HttpClient client, string service, int count, bool print, double shellMs)
    {
        var total = new List<double>();
        var queueing = new List<double>();
        var job = new List<double>();
        var serverSide = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            var id = await SubmitAsync(client, service, "true");
            var build = await WaitAsync(client, id);
            watch.Stop();
            total.Add(watch.Elapsed.TotalMilliseconds);
            var created = build.GetProperty("createdAt").GetDateTimeOffset();
            var started = build.GetProperty("startedAt").GetDateTimeOffset();
            var finished = build.GetProperty("finishedAt").GetDateTimeOffset();
            var theJob = build.GetProperty("stages").EnumerateArray().Last().GetProperty("jobs")[0];
            var jobMs = (theJob.GetProperty("finishedAt").GetDateTimeOffset() - theJob.GetProperty("startedAt").GetDateTimeOffset()).TotalMilliseconds;
            queueing.Add((started - created).TotalMilliseconds);
            job.Add(jobMs);
            serverSide.Add((finished - created).TotalMilliseconds);
        }

        if (!print)
        {
            return;
        }

        Console.WriteLine($"trivial build (one job `true`), {count} in a row, POST to final status seen by the client:");
        Row("  end to end (client)", total);
        Row("  recorded → final (server clock)", serverSide);
        Row("  queueing (recorded → running)", queueing);
        Row("  the job itself (started → finished)", job);
        var orchestration = serverSide.Select((s, i) => s - queueing[i] - job[i]).ToList();
        Row("  orchestration (the rest)", orchestration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio to `sh -c true`: {Percentile(total, 0.5) / shellMs:N0}×"));
    }

    private static async Task ConcurrentAsync(IReadOnlyList<HttpClient> clients, string service, string label, bool print = true)
    {
        var watch = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, ConcurrentBuilds).Select(i => SubmitAsync(clients[i % clients.Count], service, "sleep 1")));
        var builds = await Task.WhenAll(ids.Select((id, i) => WaitAsync(clients[i % clients.Count], id)));
        watch.Stop();
        var failed = builds.Count(b => b.GetProperty("status").GetString() != "passed");
        if (print)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ConcurrentBuilds} concurrent `sleep 1` builds, {label}: first POST to last final status {watch.Elapsed.TotalSeconds:F2} s ({failed} not passed)"));
        }
    }

    private static async Task<string> SubmitAsync(HttpClient client, string service, string command)
    {
        var manifest = $"driver: {{ type: local }}\nstages: [one]\njobs:\n  - {{ stage: one, commands: [\"{command}\"] }}\n";
        using var response = await client.PostAsJsonAsync($"api/services/{service}/builds", new { tag = "t" + Guid.NewGuid().ToString("N")[..12], manifest });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetString()!;
    }

    /// <summary>Polls every 5 ms: finer than the figures measured, cheap next to one table read.</summary>
    private static async Task<JsonElement> WaitAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var build = await client.GetFromJsonAsync<JsonElement>($"api/builds/{id}", Json);
            if (build.GetProperty("finishedAt").ValueKind != JsonValueKind.Null)
            {
                return build;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"build {id} did not finish within 2 minutes");
    }

    private static double ShellBaseline()
    {
        var times = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "true" }, UseShellExecute = false })!;
            process.WaitForExit();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Percentile(times, 0.5);
    }

    private static HttpClient ClientOf(AppProcess app, Dictionary<string, string?> settings)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", settings["Mage:AdminKey"]);
        return client;
    }

    private static void Row(string what, List<double> values) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-42} p50 {Percentile(values, 0.5),8:F1} ms   p90 {Percentile(values, 0.9),8:F1} ms   p99 {Percentile(values, 0.99),8:F1} ms"));

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
