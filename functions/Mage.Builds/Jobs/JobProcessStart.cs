namespace Mage.Builds.Jobs;

/// <summary>What <see cref="JobProcess"/> starts: a program, its arguments, its working directory and its whole environment.</summary>
/// <param name="FileName">The program (an absolute path, or a name found through the job's PATH).</param>
/// <param name="Arguments">Arguments, passed as an argv array (never through a shell).</param>
/// <param name="WorkingDirectory">The working directory (the workspace).</param>
/// <param name="Environment">The complete environment; the host's environment is not inherited.</param>
/// <param name="Timeout">Optional limit after which the process group is stopped and the outcome is <see cref="JobOutcome.TimedOut"/>.</param>
public sealed record JobProcessStart(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan? Timeout);
