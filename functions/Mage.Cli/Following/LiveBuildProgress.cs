using Mage.Cli.Api;
using Mage.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mage.Cli.Following;

/// <summary>
/// A followed build as a live terminal display (Spectre.Console): a tree of stages and jobs
/// with their status and elapsed time, and under it the latest lines of the running jobs' logs.
/// It redraws in place on every poll and log line; the last drawing stays on screen.
/// </summary>
internal sealed class LiveBuildProgress(LiveDisplayContext display, string title) : IBuildProgress
{
    /// <summary>Log lines kept under the tree.</summary>
    public const int TailLines = 12;

    private const int MaxLineLength = 240;

    private readonly Lock _lock = new();
    private readonly Queue<(string Job, string Line)> _tail = new();
    private BuildView? _build;

    /// <summary>The drawing shown before the build is first read.</summary>
    public static IRenderable Initial(string title) => new Markup($"[bold]{Markup.Escape(title)}[/] · submitting…");

    /// <inheritdoc />
    public void Update(BuildView build, Func<string, bool> logDrained)
    {
        lock (_lock)
        {
            _build = build;
            Redraw();
        }
    }

    /// <inheritdoc />
    public void Log(string job, string line)
    {
        lock (_lock)
        {
            _tail.Enqueue((job, line.Length > MaxLineLength ? line[..MaxLineLength] + "…" : line));
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }

            Redraw();
        }
    }

    /// <inheritdoc />
    public void Complete(BuildView build) => Update(build, _ => true);

    private void Redraw()
    {
        display.UpdateTarget(Render());
        display.Refresh();
    }

    private IRenderable Render()
    {
        if (_build is not { } build)
        {
            return Initial(title);
        }

        var took = Durations.Elapsed(build.StartedAt, build.FinishedAt);
        var tree = new Tree(new Markup($"[bold]{Markup.Escape(title)}[/] · {Chip(build.Status, build.MageStatus)}{(took is null ? "" : $" · {took}")}"));
        foreach (var stage in build.Stages ?? [])
        {
            var node = tree.AddNode(new Markup($"[bold]{Markup.Escape(stage.Name)}[/] {Chip(stage.Status, null)}{(stage.CanFail ? " [dim](may fail)[/]" : "")}"));
            foreach (var job in stage.Jobs ?? [])
            {
                var details = new List<string>();
                if (job.ExitCode is { } exit)
                {
                    details.Add($"exit {exit}");
                }

                if (Durations.Elapsed(job.StartedAt, job.FinishedAt) is { } elapsed)
                {
                    details.Add(elapsed);
                }

                var suffix = details.Count == 0 ? "" : $" [dim]{Markup.Escape(string.Join(" · ", details))}[/]";
                node.AddNode(new Markup($"{Markup.Escape(job.Name)} {Chip(job.Status, null)}{suffix}"));
            }
        }

        if (!string.IsNullOrEmpty(build.Error))
        {
            tree.AddNode(new Markup($"[red]{Markup.Escape(build.Error)}[/]"));
        }

        if (_tail.Count == 0)
        {
            return tree;
        }

        var log = new Text(string.Join('\n', _tail.Select(t => $"[{t.Job}] {t.Line}")));
        return new Rows(tree, new Panel(log).Header("log").Expand());
    }

    private static string Chip(string status, string? mageStatus)
    {
        var color = status switch
        {
            BuildStatuses.Passed => "green",
            BuildStatuses.PassedWithFailures => "yellow",
            BuildStatuses.Running => "blue",
            BuildStatuses.Queued or BuildStatuses.Skipped => "grey",
            _ => "red",
        };
        return $"[{color}]{Markup.Escape(BuildStatuses.Describe(status, mageStatus))}[/]";
    }
}
