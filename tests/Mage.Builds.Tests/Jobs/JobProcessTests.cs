using Mage.Builds.Jobs;
using Mage.Builds.Tests.Drivers;
using Mage.Builds.Tests.Logs;
using Mage.Testing;

namespace Mage.Builds.Tests.Jobs;

public sealed class JobProcessTests : IDisposable
{
    private static readonly Dictionary<string, string> Path = new() { ["PATH"] = "/usr/bin:/bin" };
    private readonly TempFolder folder = new();
    private readonly RunningJobRegistry registry = new(TimeSpan.FromSeconds(1));

    public void Dispose() => folder.Dispose();

    private JobProcessStart Shell(string command, TimeSpan? timeout = null) =>
        new("/bin/sh", ["-c", command], folder.Path, Path, timeout);

    [Fact]
    public async Task RunAsync_StdoutAndStderr_BothCaptured()
    {
        var output = new RecordingJobOutput();
        var result = await new JobProcess(registry).RunAsync("b1", "j", Shell("echo to-out; echo to-err >&2"), output, CancellationToken.None);
        Assert.Equal(JobOutcome.Passed, result.Outcome);
        Assert.Contains("to-out", output.Text, StringComparison.Ordinal);
        Assert.Contains("to-err", output.Text, StringComparison.Ordinal);
        Assert.NotEmpty(output.Flushes); // flushed at the end, not completed
        Assert.False(output.Completed);
    }

    [Fact]
    public async Task RunAsync_StartedAfterAKill_StoppedAtOnce()
    {
        // A kill that races ahead of a job's start still stops the job.
        await registry.KillJobsAsync("b2");
        var result = await new JobProcess(registry).RunAsync("b2", "late", Shell("sleep 100"), new RecordingJobOutput(), CancellationToken.None);
        Assert.Equal(JobOutcome.Killed, result.Outcome);

        registry.Forget("b2");
        var again = await new JobProcess(registry).RunAsync("b2", "after forget", Shell("true"), new RecordingJobOutput(), CancellationToken.None);
        Assert.Equal(JobOutcome.Passed, again.Outcome);
    }

    [Fact]
    public async Task RunAsync_MissingProgram_FailedWithAMessage()
    {
        var output = new RecordingJobOutput();
        var result = await new JobProcess(registry).RunAsync("b3", "j", new JobProcessStart("no-such-program-here", [], folder.Path, Path, null), output, CancellationToken.None);
        Assert.Equal(JobOutcome.Failed, result.Outcome);
        Assert.Contains("no-such-program-here", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Stdin_IsClosed()
    {
        // A job that reads stdin gets EOF at once instead of hanging on the worker's stdin.
        var output = new RecordingJobOutput();
        var result = await new JobProcess(registry).RunAsync("b4", "j", Shell("cat; echo eof-reached", TimeSpan.FromSeconds(10)), output, CancellationToken.None);
        Assert.Equal(JobOutcome.Passed, result.Outcome);
        Assert.Contains("eof-reached", output.Text, StringComparison.Ordinal);
    }
}
