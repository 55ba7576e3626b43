namespace Mage.Cli.Output;

/// <summary>The build and job status vocabulary (api.md), and what each means for the CLI's exit code.</summary>
internal static class BuildStatuses
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Passed = "passed";
    public const string PassedWithFailures = "passed_with_failures";
    public const string Skipped = "skipped";

    /// <summary>True once a build or job will not change any more.</summary>
    public static bool IsFinal(string status) => status is not (Queued or Running);

    /// <summary>True for the statuses a script should treat as success.</summary>
    public static bool IsSuccess(string status) => status is Passed or PassedWithFailures;

    /// <summary>Both vocabularies at once, e.g. <c>passed · SUCCESS</c>, as the Builds page shows them.</summary>
    public static string Describe(string status, string? mageStatus) =>
        string.IsNullOrEmpty(mageStatus) ? status : $"{status} · {mageStatus}";
}
