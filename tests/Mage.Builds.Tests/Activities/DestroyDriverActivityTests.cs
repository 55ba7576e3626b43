using Mage.Builds.Activities;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Testing;

namespace Mage.Builds.Tests.Activities;

/// <summary>
/// The end of a build on a worker other than the one running its jobs: real <c>/bin/sh</c> jobs,
/// real Azurite, two "workers" that share only storage and the work root.
/// </summary>
public sealed class DestroyDriverActivityTests : IAsyncLifetime
{
    private JobActivityHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await JobActivityHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RunAsync_JobStillRunningOnAnotherWorkerWithoutAKillRequest_TheJobIsKilledAndTheWorkspaceRemoved()
    {
        // As if the kill step's write had failed: no kill row, then the destroy on another worker.
        var started = Path.Combine(_harness.Scratch, "started");
        var input = await _harness.BuildWithJobAsync($"echo run >> {started}\nsleep 300");
        await using var runner = _harness.Worker("runner");
        await using var other = _harness.Worker("other");
        var run = runner.RunJob.RunAsync(Context(), input);
        try
        {
            await WaitForFileAsync(started);

            Assert.True(await other.Destroy.RunAsync(Context(), _harness.Lease));

            var result = await run.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(BuildStatus.Killed, result.Status);
            Assert.False(Directory.Exists(_harness.Lease.Handle.Workspace), "the workspace is still there");
            Assert.True(await _harness.Claims.IsKillRequestedAsync(_harness.BuildId, default));
        }
        finally
        {
            // Without the kill request the job would outlive the test.
            await runner.Registry.KillJobsAsync(_harness.BuildId);
        }
    }

    private TestActivityContext Context() => new(_harness.BuildId, nameof(DestroyDriverActivity));

    private static async Task WaitForFileAsync(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!File.Exists(path))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} never appeared: the job did not start");
            await Task.Delay(20);
        }
    }
}
