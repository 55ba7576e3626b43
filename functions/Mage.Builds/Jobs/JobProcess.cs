using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using Mage.Builds.Logs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Builds.Jobs;

/// <summary>
/// Runs one job process in its own session and process group, streams its stdout and stderr as
/// bytes to an <see cref="IJobOutput"/>, enforces the timeout, honours kills, and makes sure
/// nothing it started outlives it.
/// </summary>
/// <remarks>
/// <para>Life of one run: start (<c>setsid --wait</c>, stdin closed) → register in the
/// <see cref="RunningJobRegistry"/> → stream output → the main process exits → SIGKILL to the
/// process group (background processes the job left behind) → drain output → flush the output
/// (not complete it: the caller may still write, such as artifact messages) → result.</para>
/// <para>Stopping: a registry kill or <c>cancellationToken</c> gives <see cref="JobOutcome.Killed"/>,
/// the timeout <see cref="JobOutcome.TimedOut"/>; both send SIGTERM to the group and SIGKILL after
/// the registry's grace period. Cancellation does not throw: it is a kill with a result.</para>
/// <para>Memory: output goes through one 16 KiB buffer per stream; nothing is accumulated.</para>
/// <para>Thread-safe: one instance runs any number of jobs at once.</para>
/// </remarks>
public sealed class JobProcess
{
    private const int ReadBufferSize = 16 * 1024;

    // How long to wait for output after the group was killed. Only a process that escaped the
    // group (its own setsid) can keep the pipe open that long.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly RunningJobRegistry registry;
    private readonly ILogger logger;

    /// <summary>Creates a runner that registers its jobs in <paramref name="registry"/>.</summary>
    public JobProcess(RunningJobRegistry registry, ILogger<JobProcess>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        this.registry = registry;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Runs <paramref name="start"/> for job <paramref name="jobName"/> of build <paramref name="buildId"/>.</summary>
    /// <exception cref="IOException">Writing to <paramref name="output"/> failed (after the job was stopped and drained).</exception>
    public async Task<JobRunResult> RunAsync(
        string buildId,
        string jobName,
        JobProcessStart start,
        IJobOutput output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buildId);
        ArgumentNullException.ThrowIfNull(jobName);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(output);

        var startedAt = DateTimeOffset.UtcNow;
        var setsid = SessionLauncher.Find();
        if (setsid is null)
        {
            await output.WriteLineAsync("[mage] " + SessionLauncher.MissingMessage, CancellationToken.None);
            return new JobRunResult(JobOutcome.Failed, null, startedAt, DateTimeOffset.UtcNow);
        }

        using var process = new Process { StartInfo = CreateStartInfo(setsid, start) };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            JobLog.StartFailed(logger, jobName, buildId, ex);
            await output.WriteLineAsync($"[mage] could not start {start.FileName}: {ex.Message}", CancellationToken.None);
            return new JobRunResult(JobOutcome.Failed, null, startedAt, DateTimeOffset.UtcNow);
        }

        // A job never reads the worker's stdin; EOF at once instead of a hang.
        process.StandardInput.Close();

        var job = new RunningJob(buildId, jobName, process.Id, signalGroup: !start.ForkSession);
        JobLog.Started(logger, jobName, buildId, job.ProcessGroup);
        var sink = new SerializedSink(output);
        var readers = new[]
        {
            PumpAsync(process.StandardOutput.BaseStream, sink),
            PumpAsync(process.StandardError.BaseStream, sink),
        };

        using (registry.Register(job))
        {
            using var timeout = start.Timeout is { } limit ? new CancellationTokenSource(limit) : null;
            using var onTimeout = timeout?.Token.Register(() => Stop(job, JobOutcome.TimedOut, "timeout"));
            using var onCancel = cancellationToken.Register(() => Stop(job, JobOutcome.Killed, "cancelled"));

            await process.WaitForExitAsync(CancellationToken.None);
            job.MarkExited();

            // The script is done: nothing it started may outlive it.
            job.KillLeftovers();
        }

        var drained = Task.WhenAll(readers);
        if (await Task.WhenAny(drained, Task.Delay(DrainTimeout)) != drained)
        {
            JobLog.OutputAbandoned(logger, jobName, buildId);
            process.StandardOutput.BaseStream.Dispose();
            process.StandardError.BaseStream.Dispose();
        }

        try
        {
            await drained;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The pipes were closed under the readers above; what was read has been written.
        }

        var exitCode = process.ExitCode;
        var outcome = job.StopReason ?? (exitCode == 0 ? JobOutcome.Passed : JobOutcome.Failed);
        JobLog.Ended(logger, jobName, buildId, outcome, exitCode);

        if (sink.Failure is { } failure)
        {
            throw new IOException($"Writing the output of job {jobName} failed.", failure);
        }

        await output.FlushAsync(CancellationToken.None);
        return new JobRunResult(outcome, exitCode, startedAt, DateTimeOffset.UtcNow);
    }

    private static ProcessStartInfo CreateStartInfo(string setsid, JobProcessStart start)
    {
        var info = new ProcessStartInfo(setsid)
        {
            WorkingDirectory = start.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (start.ForkSession)
        {
            info.ArgumentList.Add("--fork");
        }

        info.ArgumentList.Add("--wait");
        info.ArgumentList.Add(start.FileName);
        foreach (var argument in start.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Only what the caller gives: the worker's own environment (storage keys, tokens) stays out.
        info.Environment.Clear();
        foreach (var (name, value) in start.Environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    private void Stop(RunningJob job, JobOutcome reason, string why)
    {
        JobLog.Stopping(logger, job.JobName, job.BuildId, why);
        _ = StopAndLogAsync(job, reason);
    }

    private async Task StopAndLogAsync(RunningJob job, JobOutcome reason)
    {
        if (await job.StopAsync(reason, registry.GracePeriod))
        {
            JobLog.Escalating(logger, job.JobName, job.BuildId, registry.GracePeriod);
        }
    }

    private static async Task PumpAsync(Stream stream, SerializedSink sink)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, ReadBufferSize))) > 0)
            {
                await sink.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Serializes the two readers' writes; after a write failure it keeps accepting (and dropping)
    // bytes so the job never blocks on a full pipe.
    private sealed class SerializedSink(IJobOutput output)
    {
        private readonly SemaphoreSlim gate = new(1, 1);

        public Exception? Failure { get; private set; }

        public async ValueTask WriteAsync(ReadOnlyMemory<byte> data)
        {
            await gate.WaitAsync();
            try
            {
                if (Failure is null)
                {
                    await output.WriteAsync(data, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Failure = ex;
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
