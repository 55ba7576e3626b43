using System.Globalization;
using Mage.Cli.Api;

namespace Mage.Cli.Output;

/// <summary>A build view as plain text: a header, then each stage and its jobs indented under it.</summary>
internal static class BuildText
{
    /// <summary>The first line naming the build, e.g. <c>build demo-3-ab2cde (#3) · service demo · tag v1.0.0</c>.</summary>
    public static string Title(string id, long number, string service, string tag) =>
        string.Create(CultureInfo.InvariantCulture, $"build {id} (#{number}) · service {service} · tag {tag}");

    /// <summary>One job's line: name, status, exit code, elapsed time.</summary>
    public static string JobLine(StageView stage, JobView job)
    {
        var parts = new List<string> { $"{stage.Name}/{job.Name}", job.Status };
        if (job.ExitCode is { } exit)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"exit {exit}"));
        }

        if (Durations.Elapsed(job.StartedAt, job.FinishedAt) is { } elapsed)
        {
            parts.Add(elapsed);
        }

        return string.Join(" · ", parts);
    }

    /// <summary>Writes the whole build.</summary>
    public static async Task WriteAsync(TextWriter output, BuildView build)
    {
        await output.WriteLineAsync(Title(build.Id, build.Number, build.Service, build.Tag));
        await output.WriteLineAsync($"status    {BuildStatuses.Describe(build.Status, build.MageStatus)}");
        var took = Durations.Elapsed(build.StartedAt, build.FinishedAt);
        await output.WriteLineAsync($"created   {Durations.Instant(build.CreatedAt)}  started {Durations.Instant(build.StartedAt)}  finished {Durations.Instant(build.FinishedAt)}{(took is null ? "" : $"  ({took})")}");
        if (!string.IsNullOrEmpty(build.Comment))
        {
            await output.WriteLineAsync($"comment   {build.Comment}");
        }

        if (build.ConfigurationVersion is { } version)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"config    version {version}"));
        }

        if (!string.IsNullOrEmpty(build.Error))
        {
            await output.WriteLineAsync($"error     {build.Error}");
        }

        if (build.MergeRequest is { Url: not null } mr)
        {
            await output.WriteLineAsync($"merge     {mr.Url}{(mr.Branch is null ? "" : $" (branch {mr.Branch})")}");
        }

        var table = new TextTable("STAGE", "JOB", "STATUS", "EXIT", "TIME", "ARTIFACTS");
        foreach (var (stage, job) in build.Jobs)
        {
            table.Add(
                stage.Name + (stage.CanFail ? " (may fail)" : ""),
                job.Name,
                job.Status,
                job.ExitCode?.ToString(CultureInfo.InvariantCulture),
                Durations.Elapsed(job.StartedAt, job.FinishedAt),
                string.Join(", ", (job.Artifacts ?? []).Select(a => $"{a.Name} ({Durations.Size(a.Size)})")));
        }

        await output.WriteLineAsync();
        await table.WriteAsync(output);
    }
}
