using Mage.Cli.Api;

namespace Mage.Cli.Following;

/// <summary>Where a followed build is shown: plain lines or a live terminal display.</summary>
/// <remarks>
/// Implementations must be thread-safe: <see cref="Log"/> is called from one task per job while
/// <see cref="Update"/> runs on the polling loop. Call order: any number of
/// <see cref="Update"/> and <see cref="Log"/>, then <see cref="Complete"/> once.
/// </remarks>
internal interface IBuildProgress
{
    /// <summary>The build as last read. <paramref name="logDrained"/> tells whether a job's log has been shown to its end.</summary>
    void Update(BuildView build, Func<string, bool> logDrained);

    /// <summary>One line of a job's log, without its line break.</summary>
    void Log(string job, string line);

    /// <summary>The final state, after every log has been drained.</summary>
    void Complete(BuildView build);
}
