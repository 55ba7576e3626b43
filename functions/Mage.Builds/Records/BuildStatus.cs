namespace Mage.Builds.Records;

/// <summary>
/// djinn's build and job statuses (the API's vocabulary) and their Mage names.
/// Thread-safe: constants and pure functions.
/// </summary>
public static class BuildStatus
{
    /// <summary>Registered, not started.</summary>
    public const string Queued = "queued";

    /// <summary>Started.</summary>
    public const string Running = "running";

    /// <summary>Every job passed.</summary>
    public const string Passed = "passed";

    /// <summary>Passed, but a job of an <c>allow_failures</c> stage failed.</summary>
    public const string PassedWithFailures = "passed_with_failures";

    /// <summary>A job failed, or the build could not run.</summary>
    public const string Failed = "failed";

    /// <summary>Stopped on request.</summary>
    public const string Killed = "killed";

    /// <summary>Exceeded the driver-creation or build time limit.</summary>
    public const string TimedOut = "timed_out";

    /// <summary>Jobs only: never ran because an earlier stage failed or the build ended.</summary>
    public const string Skipped = "skipped";

    /// <summary>Every build status, in life order.</summary>
    public static IReadOnlyList<string> All { get; } = [Queued, Running, Passed, PassedWithFailures, Failed, Killed, TimedOut];

    /// <summary>True for statuses a build never leaves.</summary>
    public static bool IsTerminal(string status) => status is Passed or PassedWithFailures or Failed or Killed or TimedOut or Skipped;

    /// <summary>
    /// What a job still queued or running gets when its build ends with <paramref name="buildStatus"/>:
    /// killed or timed out like the build, otherwise skipped (it never ran).
    /// </summary>
    public static string ForUnfinishedJobs(string buildStatus) => buildStatus is Killed or TimedOut ? buildStatus : Skipped;

    /// <summary>Mage's name for a status: TRIGGERED, RUNNING, SUCCESS or FAILURE.</summary>
    public static string MageName(string status) => status switch
    {
        Queued => "TRIGGERED",
        Running => "RUNNING",
        Passed or PassedWithFailures => "SUCCESS",
        _ => "FAILURE",
    };
}
