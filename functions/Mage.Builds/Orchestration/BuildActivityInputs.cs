using Mage.Builds.Drivers;
using Mage.Manifests;

namespace Mage.Builds.Orchestration;

/// <summary>A status change requested by the orchestrator.</summary>
/// <param name="BuildId">The build.</param>
/// <param name="Status">The new status.</param>
/// <param name="Error">Why, for failures.</param>
/// <param name="UnfinishedJobsStatus">For the final change: the status given first to every job still queued or running, so no job outlives its build.</param>
public sealed record StatusChange(string BuildId, string Status, string? Error, string? UnfinishedJobsStatus = null);

/// <summary>
/// Where a build's workspace lives: a driver handle that every worker of the task hub can act on
/// (for <c>local</c> and <c>sandbox</c>, a folder under the work root that all workers share), so
/// any driver-bound activity of the build may run on any worker.
/// </summary>
/// <param name="Handle">The driver handle.</param>
public sealed record DriverLease(DriverHandle Handle);

/// <summary>Input of the create-driver step.</summary>
/// <param name="BuildId">The build.</param>
/// <param name="Driver">The manifest's driver.</param>
public sealed record CreateDriverInput(string BuildId, ManifestDriver Driver);

/// <summary>Input of the object placement step.</summary>
/// <param name="BuildId">The build.</param>
/// <param name="Lease">The workspace.</param>
/// <param name="Objects">What to place where.</param>
public sealed record PlaceObjectsInput(string BuildId, DriverLease Lease, IReadOnlyList<Passthrough> Objects);

/// <summary>Input of one job (a clone or a script), addressed by its place in the plan.</summary>
/// <param name="BuildId">The build.</param>
/// <param name="Tag">The build's tag, for <c>MAGE_TAG</c>.</param>
/// <param name="Lease">The workspace.</param>
/// <param name="StageIndex">Stage position in the plan.</param>
/// <param name="JobIndex">Job position in the stage.</param>
/// <param name="Job">The job.</param>
/// <param name="Env">The manifest's environment.</param>
public sealed record RunJobInput(string BuildId, string Tag, DriverLease Lease, int StageIndex, int JobIndex, PlanJob Job, IReadOnlyList<EnvVariable> Env);

/// <summary>Input of the merge-request step.</summary>
/// <param name="BuildId">The build.</param>
/// <param name="ConfigurationVersion">The saved configuration version the code was generated from.</param>
public sealed record CreateMergeRequestInput(string BuildId, long ConfigurationVersion);

/// <summary>What the merge-request step did: the merge request, or why there is none (a permanent failure).</summary>
/// <param name="MergeRequest">The merge request (or pushed branch), when published.</param>
/// <param name="Error">Why the build fails, when not.</param>
public sealed record MergeRequestOutcome(Records.MergeRequestRef? MergeRequest, string? Error);
