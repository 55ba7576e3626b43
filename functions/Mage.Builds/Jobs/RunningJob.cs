namespace Mage.Builds.Jobs;

/// <summary>
/// A job process that is running now: its build, its process group and how to stop it.
/// Created by <see cref="JobProcess"/>, listed in a <see cref="RunningJobRegistry"/> while it runs.
/// </summary>
/// <remarks>Thread-safe: a kill, a timeout and the job's own exit may race; the first stop reason wins.</remarks>
internal sealed class RunningJob
{
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool signalGroup;
    private int stopReason = -1;

    internal RunningJob(string buildId, string jobName, int processGroup, bool signalGroup = true)
    {
        BuildId = buildId;
        JobName = jobName;
        ProcessGroup = processGroup;
        this.signalGroup = signalGroup;
    }

    internal string BuildId { get; }

    internal string JobName { get; }

    /// <summary>The process id of the started process: the session leader and process group id, unless it forked (<see cref="JobProcessStart.ForkSession"/>).</summary>
    internal int ProcessGroup { get; }

    /// <summary>Completes when the job's main process has exited.</summary>
    internal Task Exited => exited.Task;

    /// <summary><see cref="JobOutcome.Killed"/> or <see cref="JobOutcome.TimedOut"/> once a stop was asked for.</summary>
    internal JobOutcome? StopReason
    {
        get
        {
            var value = Volatile.Read(ref stopReason);
            return value < 0 ? null : (JobOutcome)value;
        }
    }

    internal void MarkExited() => exited.TrySetResult();

    /// <summary>
    /// SIGTERM to the process group, then SIGKILL if the main process has not exited within
    /// <paramref name="grace"/>. Never throws; completes when the job exited or SIGKILL was sent.
    /// </summary>
    /// <returns><see langword="true"/> if SIGKILL was needed.</returns>
    internal async Task<bool> StopAsync(JobOutcome reason, TimeSpan grace)
    {
        Interlocked.CompareExchange(ref stopReason, (int)reason, -1);
        if (Exited.IsCompleted)
        {
            return false;
        }

        SignalGroup(NativeSignals.SigTerm);
        var first = await Task.WhenAny(Exited, Task.Delay(grace));
        if (first == Exited)
        {
            return false;
        }

        SignalGroup(NativeSignals.SigKill);
        return true;
    }

    /// <summary>SIGKILL to whatever is left in the group (background processes) after the main process exited.</summary>
    internal void KillLeftovers()
    {
        if (signalGroup)
        {
            NativeSignals.Signal(-ProcessGroup, NativeSignals.SigKill);
        }
    }

    private void SignalGroup(int signal)
    {
        if (!signalGroup)
        {
            // A forked session: the started process is not in the group; signal it alone, while it lives.
            if (!Exited.IsCompleted)
            {
                NativeSignals.Signal(ProcessGroup, signal);
            }

            return;
        }

        var error = NativeSignals.Signal(-ProcessGroup, signal);

        // Right after start, setsid may not have made the group yet: signal the process itself.
        // Only while it has not exited, so a recycled pid is never hit.
        if (error == NativeSignals.NoSuchProcess && !Exited.IsCompleted)
        {
            NativeSignals.Signal(ProcessGroup, signal);
        }
    }
}
