using System.Diagnostics;
using System.Text.Json;
using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Builds.Logs;
using Mage.Builds.Tests.Logs;
using Mage.Testing;

namespace Mage.Builds.Tests.Drivers;

public sealed class LocalDriverTests : IDisposable
{
    private readonly DriverFixture fixture = new();

    private LocalDriver Driver => fixture.Local;

    public void Dispose() => fixture.Dispose();

    private async Task<DriverHandle> CreateAsync(string? buildId = null) =>
        await Driver.CreateAsync(new DriverCreateRequest(buildId ?? DriverFixture.NewBuildId()), NullJobOutput.Instance, CancellationToken.None);

    [Fact]
    public async Task RunJob_PassingScript_PassedWithOutput()
    {
        var handle = await CreateAsync();
        var output = new RecordingJobOutput();
        var result = await Driver.RunJobAsync(handle, DriverFixture.Job("echo hello from $(pwd)"), output, CancellationToken.None);

        Assert.Equal(JobOutcome.Passed, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("hello from " + handle.Workspace, output.Text, StringComparison.Ordinal);
        Assert.Contains("+ echo hello", output.Text, StringComparison.Ordinal); // set -x trace on stderr, captured
        Assert.True(result.FinishedAt >= result.StartedAt);
    }

    [Fact]
    public async Task RunJob_FailingScript_FailedWithExitCode()
    {
        var handle = await CreateAsync();
        var result = await Driver.RunJobAsync(handle, DriverFixture.Job("echo before\nexit 3\necho never"), new RecordingJobOutput(), CancellationToken.None);
        Assert.Equal(JobOutcome.Failed, result.Outcome);
        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task RunJob_Environment_OnlyGivenVariablesReachTheJob()
    {
        // Invariant: the worker's environment (storage keys, tokens) never reaches a job.
        Environment.SetEnvironmentVariable("MAGE_TEST_HOST_SECRET", "host-value");
        var handle = await CreateAsync();
        var output = new RecordingJobOutput();
        var environment = new Dictionary<string, string> { ["GIVEN"] = "given-value" };
        var result = await Driver.RunJobAsync(
            handle,
            DriverFixture.Job("echo \"given=$GIVEN host=${MAGE_TEST_HOST_SECRET:-absent} home=$HOME\"\nenv | sort", environment),
            output,
            CancellationToken.None);

        Assert.Equal(JobOutcome.Passed, result.Outcome);
        Assert.Contains($"given=given-value host=absent home={handle.Workspace}", output.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("host-value", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillJobs_ScriptTrappingTerm_KilledAfterTheGrace()
    {
        var handle = await CreateAsync();
        var output = new RecordingJobOutput();
        var run = Driver.RunJobAsync(
            handle,
            DriverFixture.Job("trap 'echo ignoring TERM' TERM\necho started\nwhile true; do sleep 0.1; done"),
            output,
            CancellationToken.None);
        await output.WaitForTextAsync("started", TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        Assert.Equal(1, await fixture.Registry.KillJobsAsync(handle.BuildId));
        var result = await run;
        clock.Stop();

        Assert.Equal(JobOutcome.Killed, result.Outcome);
        Assert.Contains("ignoring TERM", output.Text, StringComparison.Ordinal); // SIGTERM came first
        Assert.True(clock.Elapsed < DriverFixture.Grace + TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task KillJobs_PlainScript_EndsOnSigterm()
    {
        var handle = await CreateAsync();
        var output = new RecordingJobOutput();
        var run = Driver.RunJobAsync(handle, DriverFixture.Job("echo started\nsleep 100"), output, CancellationToken.None);
        await output.WaitForTextAsync("started", TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        await fixture.Registry.KillJobsAsync(handle.BuildId);
        var result = await run;

        Assert.Equal(JobOutcome.Killed, result.Outcome);
        Assert.True(clock.Elapsed < DriverFixture.Grace, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task RunJob_Cancelled_KilledResult()
    {
        var handle = await CreateAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var result = await Driver.RunJobAsync(handle, DriverFixture.Job("sleep 100"), new RecordingJobOutput(), cancel.Token);
        Assert.Equal(JobOutcome.Killed, result.Outcome);
    }

    [Fact]
    public async Task RunJob_PastItsTimeout_TimedOut()
    {
        var handle = await CreateAsync();
        var clock = Stopwatch.StartNew();
        var result = await Driver.RunJobAsync(
            handle,
            DriverFixture.Job("sleep 100", timeout: TimeSpan.FromMilliseconds(500)),
            new RecordingJobOutput(),
            CancellationToken.None);

        Assert.Equal(JobOutcome.TimedOut, result.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(0.5) + DriverFixture.Grace + TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task RunJob_BackgroundProcessLeftBehind_IsKilledWhenTheScriptExits()
    {
        // Invariant: nothing a job starts outlives the job.
        var handle = await CreateAsync();
        var clock = Stopwatch.StartNew();
        var result = await Driver.RunJobAsync(handle, DriverFixture.Job("sleep 1000 &\necho $! > bg.pid\necho done"), new RecordingJobOutput(), CancellationToken.None);

        Assert.Equal(JobOutcome.Passed, result.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}: waited for the background process");
        var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(handle.Workspace, "bg.pid")), System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(2);
        while (ProcessProbe.IsAlive(pid) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.False(ProcessProbe.IsAlive(pid), $"background sleep {pid} still runs");
    }

    [Fact]
    public async Task RunJob_HugeOutputThroughCappedOutput_CappedWithMarker()
    {
        var handle = await CreateAsync();
        var sink = new RecordingJobOutput();
        var capped = new CappedJobOutput(sink, 1024 * 1024);
        var result = await Driver.RunJobAsync(handle, DriverFixture.Job("yes mage | head -c 104857600\necho finished >&2"), capped, CancellationToken.None);

        Assert.Equal(JobOutcome.Passed, result.Outcome); // the job ran to its end
        Assert.True(capped.Truncated);
        Assert.Equal(1024 * 1024, capped.BytesWritten);
        Assert.EndsWith(CappedJobOutput.MarkerFor(1024 * 1024) + "\n", sink.Text, StringComparison.Ordinal);
        Assert.True(sink.Bytes.Length < 1024 * 1024 + 200);
    }

    [Fact]
    public async Task Create_Workspace_IsPrivateAndRepeatable()
    {
        var buildId = DriverFixture.NewBuildId();
        var first = await CreateAsync(buildId);
        var second = await CreateAsync(buildId); // at-least-once activity: Create repeats

        Assert.Equal(first, second);
        Assert.Equal(Path.Combine(Driver.WorkRoot, buildId), first.Workspace);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(first.Workspace));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("id with space")]
    public async Task Create_InvalidBuildId_Refused(string buildId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateAsync(buildId));
    }

    [Fact]
    public async Task Destroy_Twice_RemovesEverythingAndSucceeds()
    {
        var handle = await CreateAsync();
        await Driver.RunJobAsync(handle, DriverFixture.Job("mkdir -p a/b && echo x > a/b/f && chmod -R a-w a"), new RecordingJobOutput(), CancellationToken.None);

        await Driver.DestroyAsync(handle, CancellationToken.None);
        await Driver.DestroyAsync(handle, CancellationToken.None);

        Assert.False(Directory.Exists(handle.Workspace));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Driver.WorkRoot));
    }

    [Fact]
    public async Task Destroy_AfterAFailedCreate_Succeeds()
    {
        var buildId = DriverFixture.NewBuildId();
        Directory.CreateDirectory(Driver.WorkRoot);
        await File.WriteAllTextAsync(Path.Combine(Driver.WorkRoot, buildId), "a file where the workspace goes");
        await Assert.ThrowsAnyAsync<IOException>(() => CreateAsync(buildId));

        await Driver.DestroyAsync(Driver.HandleFor(buildId), CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(Driver.WorkRoot, buildId)));
    }

    [Fact]
    public async Task Destroy_NeverCreated_Succeeds()
    {
        await Driver.DestroyAsync(Driver.HandleFor(DriverFixture.NewBuildId()), CancellationToken.None);
    }

    [Fact]
    public async Task Destroy_WhileAJobRuns_KillsTheJob()
    {
        var handle = await CreateAsync();
        var output = new RecordingJobOutput();
        var run = Driver.RunJobAsync(handle, DriverFixture.Job("echo started\nsleep 100"), output, CancellationToken.None);
        await output.WaitForTextAsync("started", TimeSpan.FromSeconds(10));

        await Driver.DestroyAsync(handle, CancellationToken.None);
        Assert.Equal(JobOutcome.Killed, (await run).Outcome);
        Assert.False(Directory.Exists(handle.Workspace));
    }

    [Fact]
    public async Task Handle_JsonRoundTrip_WorksInALaterCall()
    {
        var handle = await CreateAsync();
        var copy = JsonSerializer.Deserialize<DriverHandle>(JsonSerializer.Serialize(handle))!;
        Assert.Equal(handle, copy);
        var result = await Driver.RunJobAsync(copy, DriverFixture.Job("true"), new RecordingJobOutput(), CancellationToken.None);
        Assert.Equal(JobOutcome.Passed, result.Outcome);
    }

    [Fact]
    public async Task Destroy_TamperedHandle_Refused()
    {
        // Invariant: a handle cannot point a destroy at a folder other than the build's workspace.
        var handle = await CreateAsync();
        using var victim = new TempFolder();
        await Assert.ThrowsAsync<ArgumentException>(() => Driver.DestroyAsync(handle with { Workspace = victim.Path }, CancellationToken.None));
        Assert.True(Directory.Exists(victim.Path));
    }

    [Fact]
    public async Task RunJob_AfterDestroy_FailsClearly()
    {
        var handle = await CreateAsync();
        await Driver.DestroyAsync(handle, CancellationToken.None);
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Driver.RunJobAsync(handle, DriverFixture.Job("true"), new RecordingJobOutput(), CancellationToken.None));
    }
}
