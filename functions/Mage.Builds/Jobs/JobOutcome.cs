namespace Mage.Builds.Jobs;

/// <summary>How a job (or a clone) ended.</summary>
public enum JobOutcome
{
    /// <summary>The script exited with code 0.</summary>
    Passed,

    /// <summary>The script exited with a non-zero code (or could not be started).</summary>
    Failed,

    /// <summary>The job was stopped by a kill (<see cref="RunningJobRegistry.KillJobsAsync"/> or cancellation).</summary>
    Killed,

    /// <summary>The job ran past its timeout and was stopped.</summary>
    TimedOut,
}
