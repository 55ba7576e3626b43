namespace Mage.Cli.Api;

/// <summary><c>GET /api/builds/{id}</c>: a build with its stages and jobs.</summary>
internal sealed record BuildView(
    string Id, long Number, string Service, string Tag, string? Comment, string Status, string? MageStatus,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long? ConfigurationVersion, string? Error,
    IReadOnlyList<StageView>? Stages, MergeRequestView? MergeRequest)
{
    /// <summary>Every job, in stage order.</summary>
    public IEnumerable<(StageView Stage, JobView Job)> Jobs =>
        (Stages ?? []).SelectMany(stage => (stage.Jobs ?? []).Select(job => (stage, job)));
}
