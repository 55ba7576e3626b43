namespace Mage.Builds.Jobs;

/// <summary>The result of one job (or clone). Serializable with System.Text.Json.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="ExitCode">
/// The process exit code when the process ran (128 + signal number when a signal ended it),
/// <see langword="null"/> when it could not be started.
/// </param>
/// <param name="StartedAt">When the process was started.</param>
/// <param name="FinishedAt">When it had exited and its output was drained.</param>
public sealed record JobRunResult(
    JobOutcome Outcome,
    int? ExitCode,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt);
