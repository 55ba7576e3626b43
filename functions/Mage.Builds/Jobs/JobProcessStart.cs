namespace Mage.Builds.Jobs;

/// <summary>What <see cref="JobProcess"/> starts: a program, its arguments, its working directory and its whole environment.</summary>
/// <param name="FileName">The program (an absolute path, or a name found through the job's PATH).</param>
/// <param name="Arguments">Arguments, passed as an argv array (never through a shell).</param>
/// <param name="WorkingDirectory">The working directory (the workspace).</param>
/// <param name="Environment">The complete environment; the host's environment is not inherited.</param>
/// <param name="Timeout">Optional limit after which the process group is stopped and the outcome is <see cref="JobOutcome.TimedOut"/>.</param>
/// <param name="ForkSession">
/// <see langword="false"/> (default): <c>setsid</c> replaces itself with the program, whose pid is
/// then its process group id; stops signal that whole group. <see langword="true"/>: <c>setsid
/// --fork --wait</c>, so the program's parent is a <c>setsid</c> process that lives exactly as long
/// as it does. Needed for a program that uses the parent-death signal (<c>bwrap --die-with-parent</c>):
/// .NET may start a process from a thread that exits later, and the parent-death signal follows
/// the parent thread. Stops then signal the <c>setsid</c> process, whose death takes the program
/// down through that parent-death signal.
/// </param>
public sealed record JobProcessStart(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan? Timeout,
    bool ForkSession = false);
