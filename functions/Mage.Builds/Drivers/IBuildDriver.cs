using Mage.Builds.Jobs;
using Mage.Builds.Logs;

namespace Mage.Builds.Drivers;

/// <summary>
/// Where a build's jobs run: creates the build's environment (a workspace), runs job scripts in
/// it and destroys it.
/// </summary>
/// <remarks>
/// <para>Fixed life: <see cref="CreateAsync"/> once → (objects placed, sources cloned into
/// <see cref="DriverHandle.Workspace"/>) → <see cref="RunJobAsync"/> any number of times
/// (artifacts collected from the workspace after each) → <see cref="DestroyAsync"/> always, also
/// after a kill, a timeout, or a Create that failed or never finished (use
/// <see cref="HandleFor"/> when Create returned no handle).</para>
/// <para>Statelessness: every call works from the <see cref="DriverHandle"/> alone (it is
/// serializable), so the calls may come from different activities, on the same machine.</para>
/// <para>Idempotency: <see cref="CreateAsync"/> and <see cref="DestroyAsync"/> may be repeated
/// (activities run at least once). <see cref="RunJobAsync"/> runs the script again if repeated.</para>
/// <para>Cancellation is separate from cleanup: cancelling <see cref="RunJobAsync"/> kills the job
/// (result <see cref="JobOutcome.Killed"/>), while <see cref="DestroyAsync"/> runs under its own
/// short deadline and must be given a token of its own, not the build's.</para>
/// <para>Thread safety: implementations are thread-safe; jobs of one build may run at once.</para>
/// </remarks>
public interface IBuildDriver
{
    /// <summary>The driver type as written in handles (<c>local</c>, <c>sandbox</c>).</summary>
    string Type { get; }

    /// <summary>Creates the build's workspace. Messages for the user go to <paramref name="log"/> (the create-driver job).</summary>
    /// <exception cref="DriverUnavailableException">The driver cannot work on this machine (a tool is missing).</exception>
    /// <exception cref="ArgumentException">The build id is not a valid build id.</exception>
    Task<DriverHandle> CreateAsync(DriverCreateRequest request, IJobOutput log, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one job script in the workspace, streaming its output to <paramref name="output"/>
    /// (flushed, not completed). Never throws for the job's own failure, kill or timeout: the
    /// result says so.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The workspace is gone (destroyed, or created on another machine).</exception>
    Task<JobRunResult> RunJobAsync(DriverHandle handle, JobRunRequest job, IJobOutput output, CancellationToken cancellationToken);

    /// <summary>
    /// Stops the build's running jobs and removes everything the driver made for it. Idempotent;
    /// safe after a failed or unfinished Create.
    /// </summary>
    Task DestroyAsync(DriverHandle handle, CancellationToken cancellationToken);

    /// <summary>The handle a Create for <paramref name="buildId"/> returns, for destroying after a Create that returned none.</summary>
    DriverHandle HandleFor(string buildId);
}
