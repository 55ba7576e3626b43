namespace Mage.Manifests;

/// <summary>One job of the plan.</summary>
/// <param name="Name">Unique within the build (logs and artifacts are keyed by it).</param>
/// <param name="Script">The shell script to run (see <see cref="JobScript"/>); empty when there is nothing to run (create-driver, a job without commands, which passes).</param>
/// <param name="Artifacts">Files to collect when the script ends, whatever its status.</param>
/// <param name="Timeout">The job's own limit, or null for none beyond the build's.</param>
/// <param name="IsBuiltin">True for create-driver and clone jobs.</param>
/// <param name="Kind">What the job does.</param>
/// <param name="Source">For a clone job, the source it clones; otherwise null.</param>
public sealed record PlanJob(
    string Name,
    string Script,
    IReadOnlyList<Passthrough> Artifacts,
    TimeSpan? Timeout,
    bool IsBuiltin,
    PlanJobKind Kind,
    ManifestSource? Source);
