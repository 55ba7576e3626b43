using System.Diagnostics;
using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Builds.Logs;
using Mage.Builds.Tests.Logs;

namespace Mage.Builds.Tests.Drivers;

public sealed class SandboxDriverTests : IDisposable
{
    private readonly DriverFixture fixture = new();

    private SandboxDriver Driver => fixture.Sandbox;

    public void Dispose() => fixture.Dispose();

    private async Task<DriverHandle> CreateAsync(bool network = false) =>
        await Driver.CreateAsync(new DriverCreateRequest(DriverFixture.NewBuildId(), network), NullJobOutput.Instance, CancellationToken.None);

    private async Task<(JobRunResult Result, string Output)> RunAsync(DriverHandle handle, string commands, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new RecordingJobOutput();
        var result = await Driver.RunJobAsync(handle, DriverFixture.Job(commands, environment), output, CancellationToken.None);
        return (result, output.Text);
    }

    [SandboxFact]
    public async Task RunJob_WorkspaceWritable_RestReadOnly()
    {
        var handle = await CreateAsync();
        var (result, output) = await RunAsync(handle, "echo inside > made-here\nif touch /usr/mage-escape 2>/dev/null; then echo ESCAPED; else echo root-is-read-only; fi\necho tmp > /tmp/t && cat /tmp/t");

        Assert.True(result.Outcome == JobOutcome.Passed, $"exit {result.ExitCode}: {output}");
        Assert.Contains("root-is-read-only", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ESCAPED", output, StringComparison.Ordinal);
        Assert.Equal("inside\n", await File.ReadAllTextAsync(Path.Combine(handle.Workspace, "made-here")));
        Assert.False(File.Exists("/usr/mage-escape"));
    }

    [SandboxFact]
    public async Task RunJob_FailingScript_FailedWithExitCode()
    {
        var handle = await CreateAsync();
        var (result, _) = await RunAsync(handle, "exit 7");
        Assert.Equal(JobOutcome.Failed, result.Outcome);
        Assert.Equal(7, result.ExitCode);
    }

    [SandboxFact]
    public async Task RunJob_NoNetworkAsked_OnlyLoopback()
    {
        // /proc is mounted inside the sandbox, so /proc/net/dev lists the sandbox's own interfaces.
        var handle = await CreateAsync(network: false);
        var (result, output) = await RunAsync(handle, "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sed 's/^/iface=/'");
        Assert.Equal(JobOutcome.Passed, result.Outcome);
        var interfaces = output.Split('\n').Where(l => l.StartsWith("iface=", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["iface=lo"], interfaces);
    }

    [SandboxFact]
    public async Task RunJob_Environment_HostVariablesAbsent()
    {
        Environment.SetEnvironmentVariable("MAGE_TEST_HOST_SECRET", "host-value");
        var handle = await CreateAsync();
        var (result, output) = await RunAsync(handle, "echo \"given=$GIVEN host=${MAGE_TEST_HOST_SECRET:-absent}\"", new Dictionary<string, string> { ["GIVEN"] = "yes" });
        Assert.Equal(JobOutcome.Passed, result.Outcome);
        Assert.Contains("given=yes host=absent", output, StringComparison.Ordinal);
    }

    [SandboxFact]
    public async Task KillJobs_RunningJob_KilledQuickly()
    {
        var handle = await CreateAsync();
        var output = new RecordingJobOutput();
        var run = Driver.RunJobAsync(handle, DriverFixture.Job("trap '' TERM\necho started\nwhile true; do sleep 0.1; done"), output, CancellationToken.None);
        await output.WaitForTextAsync("started", TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        await fixture.Registry.KillJobsAsync(handle.BuildId);
        var result = await run;
        Assert.Equal(JobOutcome.Killed, result.Outcome);
        Assert.True(clock.Elapsed < DriverFixture.Grace + TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [SandboxFact]
    public async Task Destroy_Twice_Succeeds()
    {
        var handle = await CreateAsync();
        await RunAsync(handle, "echo x > f");
        await Driver.DestroyAsync(handle, CancellationToken.None);
        await Driver.DestroyAsync(handle, CancellationToken.None);
        Assert.False(Directory.Exists(handle.Workspace));
    }
}
