using Mage.Durable.History;
using Mage.Durable.Tests.Infrastructure;
using Mage.Durable.Tests.Orchestrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mage.Durable.Tests.Conformance;

/// <summary>Client contract, worker affinity and replay-safe APIs.</summary>
public abstract partial class OrchestrationBackendConformanceTests
{
    [Fact]
    public async Task Schedule_SameInstanceIdTwice_SecondIsRefused_AndRunsOnce()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();
        var options = new StartOrchestrationOptions("build-42");

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 1, options);
        var refused = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 2, options));
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.Equal("build-42", id);
        Assert.Equal("build-42", refused.InstanceId);
        Assert.Equal(1, done.ReadInputAs<int>());
        Assert.Equal(1, host.Probe.Count("echo"));
    }

    [Fact]
    public async Task GetInstance_ReportsPendingThenCompleted_WithTimesAndPayloadsOnRequest()
    {
        await using DurableTestHost host = NewHost();
        DateTimeOffset created = host.Clock.GetUtcNow();
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 2);

        OrchestrationMetadata pending = (await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!;
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await host.StartWorkerAsync();
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);
        OrchestrationMetadata withoutPayloads = (await host.Client.GetInstanceAsync(id))!;

        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending.RuntimeStatus);
        Assert.Equal(nameof(SequenceOrchestrator), pending.Name);
        Assert.Equal(2, pending.ReadInputAs<int>());
        Assert.Equal(created, done.CreatedAt);
        Assert.Equal(created + TimeSpan.FromSeconds(5), done.LastUpdatedAt);
        Assert.Null(withoutPayloads.SerializedOutput);
        Assert.True(withoutPayloads.IsCompleted);
        Assert.Null(await host.Client.GetInstanceAsync("missing"));
    }

    [Fact]
    public async Task Purge_OnlyFinishedInstances()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();
        string waiting = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrchestrator), new EventInput(1, TimeSpan.Zero));
        string finished = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 1);
        await host.WaitForCompletionAsync(finished);
        await WaitForCustomStatusAsync(host, waiting, "waiting");

        Assert.Equal(0, (await host.Client.PurgeInstanceAsync(waiting)).PurgedInstanceCount);
        Assert.Equal(1, (await host.Client.PurgeInstanceAsync(finished)).PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync(finished));
        Assert.Equal(0, (await host.Client.PurgeInstanceAsync(finished)).PurgedInstanceCount);
    }

    [Fact]
    public async Task UnknownInstance_RaiseTerminateAndWait_Throw()
    {
        await using DurableTestHost host = NewHost();

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.RaiseEventAsync("nope", "e"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.TerminateInstanceAsync("nope"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.WaitForInstanceCompletionAsync("nope"));
    }

    [Fact]
    public async Task UnknownOrchestratorName_FailsTheInstance()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("NoSuchOrchestrator");
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("OrchestratorNotFound", done.FailureDetails!.ErrorType);
    }

    [Fact]
    public async Task TargetQueue_PinsLaterActivitiesToTheWorkerThatRanTheFirst()
    {
        await using DurableTestHost host = NewHost();
        var a = await host.StartWorkerAsync(configure: o => o.WorkerId = "alpha");
        var b = await host.StartWorkerAsync(configure: o => o.WorkerId = "beta");

        string[] ids = new string[6];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AffinityOrchestrator), 5);
        }

        foreach (string id in ids)
        {
            List<string> seen = (await host.WaitForCompletionAsync(id)).ReadOutputAs<List<string>>()!;
            Assert.Equal(6, seen.Count);
            Assert.Single(seen.Distinct());
            Assert.Contains(seen[0], new[] { a.Identity.QueueName, b.Identity.QueueName });
        }

        Assert.Equal("worker-alpha", a.Identity.QueueName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReplaySafeApis_GuidsAndTimeStableAcrossReplay(bool extendedSessions)
    {
        await using DurableTestHost host = NewHost(extendedSessions);
        await host.StartWorkerAsync();
        DateTime start = host.Clock.GetUtcNow().UtcDateTime;

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReplayAwareOrchestrator), 3);
        string output = (await host.WaitForCompletionAsync(id)).ReadOutputAs<string>()!;

        string[] parts = output.Split('@');
        Guid[] guids = [.. parts[0].Split(',').Select(Guid.Parse)];
        Assert.Equal(4, guids.Distinct().Count());
        Assert.Equal(start, DateTime.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind));
        IReadOnlyList<HistoryEvent> history = await host.HistoryAsync(id);
        Assert.All(history.OfType<TaskScheduledEvent>(), e => Assert.Equal(DurableSerializer.Serialize(guids[0].ToString()), e.Input));
    }

    [Fact]
    public async Task ReplaySafeLogger_WithFullReplayEveryEpisode_WritesEachLineOnce()
    {
        await using DurableTestHost host = NewHost(extendedSessions: false);
        var capture = new CapturingLoggerProvider();
        await host.StartWorkerAsync(b => b.Services.AddSingleton<ILoggerProvider>(capture));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReplayAwareOrchestrator), 3);
        await host.WaitForCompletionAsync(id);

        Assert.Equal(["step 0", "step 1", "step 2"], capture.Lines(typeof(ReplayAwareOrchestrator).FullName!));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData(" ")]
    [InlineData("tab\there")]
    public async Task Schedule_InvalidInstanceId_IsRejected(string instanceId)
    {
        await using DurableTestHost host = NewHost();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 1, new StartOrchestrationOptions(instanceId)));
    }
}
