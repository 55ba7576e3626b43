using Mage.Cli.Api;
using Mage.Cli.Output;

namespace Mage.Cli.Following;

/// <summary>
/// A followed build as plain lines, for pipes, files and CI logs: one line per status change
/// and each log line prefixed with its job, e.g. <c>[build.1] hello</c>. A job's final line is
/// held back until its log has been shown to the end, so output reads in order.
/// </summary>
/// <param name="output">Where the lines go.</param>
/// <param name="shownStatus">The build status already printed (the submit answer's), so it is not repeated.</param>
internal sealed class PlainBuildProgress(TextWriter output, string? shownStatus = null) : IBuildProgress
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _shown = new(StringComparer.Ordinal);
    private string? _buildStatus = shownStatus;

    /// <inheritdoc />
    public void Update(BuildView build, Func<string, bool> logDrained)
    {
        lock (_lock)
        {
            if (_buildStatus != build.Status && !BuildStatuses.IsFinal(build.Status))
            {
                output.WriteLine($"{build.Id}: {BuildStatuses.Describe(build.Status, build.MageStatus)}");
                _buildStatus = build.Status;
            }

            foreach (var (stage, job) in build.Jobs)
            {
                var final = BuildStatuses.IsFinal(job.Status);
                var ready = !final || job.Status == BuildStatuses.Skipped || logDrained(job.Name);
                if (job.Status != BuildStatuses.Queued && ready && (!_shown.TryGetValue(job.Name, out var shown) || shown != job.Status))
                {
                    output.WriteLine(BuildText.JobLine(stage, job));
                    _shown[job.Name] = job.Status;
                }
            }

            output.Flush();
        }
    }

    /// <inheritdoc />
    public void Log(string job, string line)
    {
        lock (_lock)
        {
            output.WriteLine($"[{job}] {line}");
            output.Flush();
        }
    }

    /// <inheritdoc />
    public void Complete(BuildView build)
    {
        Update(build, _ => true);
        lock (_lock)
        {
            output.WriteLine(FinalLine(build));
            output.Flush();
        }
    }

    /// <summary>The closing line of a followed build, shared with the live display.</summary>
    public static string FinalLine(BuildView build)
    {
        var took = Durations.Elapsed(build.StartedAt, build.FinishedAt);
        var line = $"build {build.Id} {BuildStatuses.Describe(build.Status, build.MageStatus)}{(took is null ? "" : $" in {took}")}";
        if (!string.IsNullOrEmpty(build.Error))
        {
            line += $": {build.Error}";
        }

        if (build.MergeRequest is { Url: not null } mr)
        {
            line += $"; merge request {mr.Url}";
        }

        return line;
    }
}
