using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Builds.Jobs;

/// <summary>
/// The jobs running in this process, by build, so that a kill (or a destroy) can stop them.
/// One instance per process (a DI singleton), shared by every driver and <see cref="JobProcess"/>.
/// </summary>
/// <remarks>
/// <para>Thread-safe. Signals are process-local: a kill from another worker reaches a job through
/// storage (its claim watch polls the build's kill request and calls <see cref="StopJobAsync"/>).</para>
/// <para>A kill is remembered for the build until <see cref="Forget"/> (called by a driver's
/// destroy), so a job that starts after the kill (a race with the orchestrator) is stopped at once.</para>
/// </remarks>
public sealed class RunningJobRegistry
{
    /// <summary>The default time between SIGTERM and SIGKILL: five seconds.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<RunningJob, byte> jobs = new();
    private readonly ConcurrentDictionary<string, byte> killedBuilds = new(StringComparer.Ordinal);
    private readonly ILogger logger;

    /// <summary>Creates a registry with the given SIGTERM-to-SIGKILL grace period.</summary>
    public RunningJobRegistry(TimeSpan? gracePeriod = null, ILogger<RunningJobRegistry>? logger = null)
    {
        GracePeriod = gracePeriod ?? DefaultGracePeriod;
        ArgumentOutOfRangeException.ThrowIfLessThan(GracePeriod, TimeSpan.Zero);
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>How long a job gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan GracePeriod { get; }

    /// <summary>How many jobs of <paramref name="buildId"/> run now.</summary>
    public int CountRunning(string buildId) => jobs.Keys.Count(j => j.BuildId == buildId);

    /// <summary>
    /// Stops every running job of <paramref name="buildId"/>: SIGTERM to each job's process group,
    /// then SIGKILL after <see cref="GracePeriod"/>; their results say <see cref="JobOutcome.Killed"/>.
    /// Idempotent; returns when each job has exited or was sent SIGKILL.
    /// </summary>
    /// <returns>The number of jobs that were running.</returns>
    public async Task<int> KillJobsAsync(string buildId)
    {
        ArgumentNullException.ThrowIfNull(buildId);
        killedBuilds[buildId] = 0;
        var running = jobs.Keys.Where(j => j.BuildId == buildId).ToArray();
        JobLog.KillRequested(logger, buildId, running.Length);
        await Task.WhenAll(running.Select(j => j.StopAsync(JobOutcome.Killed, GracePeriod)));
        return running.Length;
    }

    /// <summary>
    /// Stops one running job of <paramref name="buildId"/> (SIGTERM to its process group, then
    /// SIGKILL after <see cref="GracePeriod"/>) without marking the build killed: what a job's own
    /// watcher does when storage says it must stop. Returns when it exited or was sent SIGKILL.
    /// </summary>
    /// <returns>The number of jobs stopped: 0 when the job is not running in this process (yet, or any more).</returns>
    public async Task<int> StopJobAsync(string buildId, string jobName, JobOutcome reason)
    {
        ArgumentNullException.ThrowIfNull(buildId);
        ArgumentNullException.ThrowIfNull(jobName);
        var running = jobs.Keys.Where(j => j.BuildId == buildId && j.JobName == jobName).ToArray();
        await Task.WhenAll(running.Select(j => j.StopAsync(reason, GracePeriod)));
        return running.Length;
    }

    /// <summary>Forgets that <paramref name="buildId"/> was killed (the build's workspace is gone).</summary>
    public void Forget(string buildId) => killedBuilds.TryRemove(buildId, out _);

    internal IDisposable Register(RunningJob job)
    {
        jobs[job] = 0;
        if (killedBuilds.ContainsKey(job.BuildId))
        {
            _ = job.StopAsync(JobOutcome.Killed, GracePeriod);
        }

        return new Registration(this, job);
    }

    private sealed class Registration(RunningJobRegistry registry, RunningJob job) : IDisposable
    {
        public void Dispose() => registry.jobs.TryRemove(job, out _);
    }
}
