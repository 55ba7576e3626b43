namespace Mage.Builds.Orchestration;

/// <summary>What one job activity reports to the orchestrator.</summary>
/// <param name="Status">The job's final status (one of <see cref="Records.BuildStatus"/>).</param>
/// <param name="Error">Why the job ended without running to an end of its own (e.g. the worker running it stopped); null when its log says it all.</param>
public sealed record JobResult(string Status, string? Error = null);
