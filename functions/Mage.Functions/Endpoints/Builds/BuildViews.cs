using Mage.Builds.Records;

namespace Mage.Functions.Endpoints.Builds;

/// <summary>An artifact in a build view.</summary>
public sealed record ArtifactView(string Job, string Source, string Name, long Size, string Sha256, string Uri);

/// <summary>A job in a build view.</summary>
public sealed record JobView(string Name, string Status, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int? ExitCode, string LogUri, IReadOnlyList<ArtifactView> Artifacts);

/// <summary>A stage in a build view.</summary>
public sealed record StageView(string Name, string Status, bool CanFail, IReadOnlyList<JobView> Jobs);

/// <summary><c>GET /api/builds/{id}</c>.</summary>
public sealed record BuildView(
    string Id, long Number, string Service, string Tag, string? Comment, string Status, string MageStatus,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long? ConfigurationVersion, string? Error,
    IReadOnlyList<StageView> Stages, MergeRequestRef? MergeRequest);

/// <summary>One line of a build list.</summary>
public sealed record BuildSummary(string Id, long Number, string Service, string Tag, string? Comment, string Status, string MageStatus,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, MergeRequestRef? MergeRequest)
{
    /// <summary>The summary of a build.</summary>
    public static BuildSummary Of(BuildRecord b) =>
        new(b.Id, b.Number, b.Service, b.Tag, b.Comment, b.Status, BuildStatus.MageName(b.Status), b.CreatedAt, b.StartedAt, b.FinishedAt, b.Error, b.MergeRequest);
}

/// <summary>A page of builds.</summary>
public sealed record BuildPage(IReadOnlyList<BuildSummary> Items, string? ContinuationToken);

/// <summary>The 202 answer of a submit.</summary>
public sealed record BuildAccepted(string Id, long Number, string Service, string Tag, string Status,
    string StatusQueryGetUri, string KillPostUri, string LogsUri, string ArtifactsUri);

/// <summary>Builds views from records.</summary>
public static class BuildViews
{
    /// <summary>The full view of a build.</summary>
    public static BuildView Of(BuildRecord build, IReadOnlyList<JobRecord> jobs, IReadOnlyList<ArtifactRecord> artifacts)
    {
        var byJob = artifacts.ToLookup(a => a.Job, StringComparer.Ordinal);
        var stages = jobs.GroupBy(j => j.StageIndex).OrderBy(g => g.Key).Select(g =>
        {
            var list = g.OrderBy(j => j.JobIndex).Select(j => new JobView(j.Name, j.Status, j.StartedAt, j.FinishedAt, j.ExitCode,
                $"/api/builds/{build.Id}/jobs/{Uri.EscapeDataString(j.Name)}/log",
                byJob[j.Name].Select(a => new ArtifactView(a.Job, a.Source, a.Name, a.Size, a.Sha256, ArtifactUri(build.Id, a))).ToList())).ToList();
            var first = g.First();
            return new StageView(first.Stage, StageStatus(list.Select(j => j.Status).ToList(), first.CanFail), first.CanFail, list);
        }).ToList();
        return new BuildView(build.Id, build.Number, build.Service, build.Tag, build.Comment, build.Status, BuildStatus.MageName(build.Status),
            build.CreatedAt, build.StartedAt, build.FinishedAt, build.ConfigurationVersion, build.Error, stages, build.MergeRequest);
    }

    /// <summary>Download address of an artifact.</summary>
    public static string ArtifactUri(string buildId, ArtifactRecord a) =>
        $"/api/builds/{buildId}/artifacts/{Uri.EscapeDataString(a.Job)}/{string.Join('/', a.Name.Split('/').Select(Uri.EscapeDataString))}";

    /// <summary>A stage's status from its jobs'.</summary>
    public static string StageStatus(IReadOnlyList<string> jobs, bool canFail)
    {
        if (jobs.Count == 0 || jobs.All(s => s == BuildStatus.Skipped))
        {
            return BuildStatus.Skipped;
        }

        if (jobs.Any(s => s is BuildStatus.Running) || (jobs.Any(s => s == BuildStatus.Queued) && jobs.Any(s => s != BuildStatus.Queued)))
        {
            return BuildStatus.Running;
        }

        if (jobs.All(s => s == BuildStatus.Queued))
        {
            return BuildStatus.Queued;
        }

        foreach (var bad in new[] { BuildStatus.Killed, BuildStatus.TimedOut, BuildStatus.Failed })
        {
            if (jobs.Contains(bad))
            {
                return canFail && bad == BuildStatus.Failed ? BuildStatus.PassedWithFailures : bad;
            }
        }

        return BuildStatus.Passed;
    }
}
