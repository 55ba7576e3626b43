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

    /// <summary>How long the two-process case keeps builds running after the second process starts: the 10 s lease-acquire interval, a 30 s drain and margin.</summary>
    private static readonly TimeSpan JoinWindow = TimeSpan.FromSeconds(50);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync()
    {
        var settings = await AppSettingsAsync();
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

    /// <summary>
    /// The two-process case on its own: one app process warmed up (it holds all four partitions),
    /// then a second joins the task hub while rounds of the 20 concurrent builds run back to back for
    /// <see cref="JoinWindow"/>, so the partition hand-over (the first process notices the steal
    /// within its 10 s lease-acquire interval) meets builds in flight. Prints every round, the slowest,
    /// and with <c>MAGE_BENCH_ENGINE_LOG=1</c> the first process's drain and release lines.
    /// </summary>
    public static async Task RunTwoProcessesAsync()
    {
        var settings = await AppSettingsAsync();
        var engineLog = Environment.GetEnvironmentVariable("MAGE_BENCH_ENGINE_LOG") == "1";
        if (engineLog)
        {
            settings["Logging:LogLevel:DurableTask.AzureStorage"] = "Information";
            settings["Logging:Console:FormatterName"] = "simple";
            settings["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ";
        }

        await using var app = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings);
        using var client = ClientOf(app, settings);
        var service = TestNames.Unique("svc");
        (await client.PutAsJsonAsync($"api/services/{service}", new { displayName = "bench" })).EnsureSuccessStatusCode();
        await TrivialAsync(client, service, 5, print: false, 1);
        await ConcurrentAsync([client], service, "1 app process, warm-up", print: false);

        var joined = Stopwatch.StartNew();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"second app process starting at {DateTime.UtcNow:HH:mm:ss.f} UTC"));
        var secondStarting = AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings);
        var rounds = new List<double>();
        while (!secondStarting.IsCompleted)
        {
            rounds.Add(await ConcurrentAsync([client], service, string.Create(CultureInfo.InvariantCulture, $"1 app process while the second starts ({DateTime.UtcNow:HH:mm:ss.f} UTC)")));
        }

        await using var second = await secondStarting;
        using var secondClient = ClientOf(second, settings);
        try
        {
            while (joined.Elapsed < JoinWindow)
            {
                rounds.Add(await ConcurrentAsync([client, secondClient], service, string.Create(CultureInfo.InvariantCulture, $"2 app processes, {joined.Elapsed.TotalSeconds:F1} s after the second started ({DateTime.UtcNow:HH:mm:ss.f} UTC)")));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest round across the join: {rounds.Max():F2} s; median {Percentile(rounds, 0.5):F2} s; {rounds.Count} rounds"));
        }
        finally
        {
            if (engineLog)
            {
                PrintHandOver("first process", app.Output);
                PrintHandOver("second process", second.Output);
            }
        }
    }

    private static void PrintHandOver(string which, string output)
    {
        Console.WriteLine($"{which}, partition hand-over, warnings and errors:");
        var lines = output.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Contains("drain", StringComparison.OrdinalIgnoreCase) || line.Contains("released its", StringComparison.OrdinalIgnoreCase)
                || line.Contains("acquired", StringComparison.OrdinalIgnoreCase) || lines[i - 1].Contains("warn:", StringComparison.Ordinal) || lines[i - 1].Contains("fail:", StringComparison.Ordinal))
            {
                Console.WriteLine("  " + lines[i - 1].Trim() + " " + line.Trim());
            }
        }
    }

    /// <summary>
    /// What a step longer than the extended-session idle timeout costs: builds with one job
    /// <c>sleep 8</c> in a row on one app process. With the session gone when the job reports, the
    /// next episode reloads the history and replays; "orchestration (the rest)" shows it.
    /// </summary>
    public static async Task RunLongStepAsync()
    {
        var settings = await AppSettingsAsync();
        await using var app = await AppProcess.StartAsync(AppProcess.BesideThisProgram(), settings);
        using var client = ClientOf(app, settings);
        var service = TestNames.Unique("svc");
        (await client.PutAsJsonAsync($"api/services/{service}", new { displayName = "bench" })).EnsureSuccessStatusCode();
        await TrivialAsync(client, service, 5, print: false, 1);
        await TrivialAsync(client, service, 6, print: true, 1, "sleep 8");
    }

    private static async Task<Dictionary<string, string?>> AppSettingsAsync()
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = TestAppSettings.Create(azurite.ConnectionString, "bench");
        settings["Logging:LogLevel:Default"] = "Warning";

        // Measured here is the build path, not the per-key submit limit.
        settings["Mage:RateLimits:SubmitPerMinute"] = "1000000";
        return settings;
    }

    private static async Task TrivialAsync(HttpClient client, string service, int count, bool print, double shellMs, string command = "true")
    {
        var total = new List<double>();
        var queueing = new List<double>();
        var job = new List<double>();
        var serverSide = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            var id = await SubmitAsync(client, service, command);
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

        Console.WriteLine($"build with one job `{command}`, {count} in a row, POST to final status seen by the client:");
        Row("  end to end (client)", total);
        Row("  recorded → final (server clock)", serverSide);
        Row("  queueing (recorded → running)", queueing);
        Row("  the job itself (started → finished)", job);
        var orchestration = serverSide.Select((s, i) => s - queueing[i] - job[i]).ToList();
        Row("  orchestration (the rest)", orchestration);
        if (command == "true")
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio to `sh -c true`: {Percentile(total, 0.5) / shellMs:N0}×"));
        }
    }

    private static async Task<double> ConcurrentAsync(IReadOnlyList<HttpClient> clients, string service, string label, bool print = true)
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

        return watch.Elapsed.TotalSeconds;
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
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var build = await client.GetFromJsonAsync<JsonElement>($"api/builds/{id}", Json);
            if (build.GetProperty("finishedAt").ValueKind != JsonValueKind.Null)
            {
                return build;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"build {id} did not finish within 4 minutes");
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
