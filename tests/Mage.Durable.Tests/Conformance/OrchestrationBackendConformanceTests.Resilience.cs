using Mage.Durable.History;
using Mage.Durable.Tests.Infrastructure;
using Mage.Durable.Tests.Orchestrations;

namespace Mage.Durable.Tests.Conformance;

/// <summary>Retries, code changes, duplicates, payload size and worker loss.</summary>
public abstract partial class OrchestrationBackendConformanceTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Retry_WithBackoff_WaitsOnDurableTimersWithGrowingDelays(bool extendedSessions)
    {
        await using DurableTestHost host = NewHost(extendedSessions);
        await host.StartWorkerAsync();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(RetryOrchestrator), new RetryInput(FailTimes: 3, MaxAttempts: 5, TimeSpan.FromSeconds(10), Backoff: 2));
        OrchestrationMetadata done = await host.RunTimersToCompletionAsync(id);

        Assert.Equal("ok after 4", done.ReadOutputAs<string>());
        IReadOnlyList<DateTimeOffset> attempts = host.Probe.Times("flaky:" + id);
        Assert.Equal([0, 10, 30, 70], attempts.Select(t => (t - attempts[0]).TotalSeconds));
        IReadOnlyList<HistoryEvent> history = await host.HistoryAsync(id);
        Assert.Equal(3, history.OfType<TimerCreatedEvent>().Count());
        Assert.Equal(3, history.OfType<TaskFailedEvent>().Count());
    }

    [Fact]
    public async Task Retry_MaxIntervalAndRetryTimeout_StopRetrying()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();

        // Delays 10 s, then 30 s capped to 20 s; the next would end at 30 + 20 > 45 s, so it gives up after 3 attempts.
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(RetryOrchestrator),
            new RetryInput(100, 10, TimeSpan.FromSeconds(10), 3, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(45)));
        OrchestrationMetadata done = await host.RunTimersToCompletionAsync(id);

        Assert.Equal("gave up: boom 3", done.ReadOutputAs<string>());
        IReadOnlyList<DateTimeOffset> attempts = host.Probe.Times("flaky:" + id);
        Assert.Equal([0, 10, 30], attempts.Select(t => (t - attempts[0]).TotalSeconds));
    }

    [Fact]
    public async Task NonDeterminism_ChangedOrchestratorReplaysOldHistory_InstanceFailsWithClearMessage()
    {
        await using DurableTestHost host = NewHost();
        var v1 = await host.StartWorkerAsync(b => b.AddOrchestrator<VersionOneOrchestrator>("Versioned"));
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Versioned", "x");
        await host.WaitForHistoryAsync(id, h => h.OfType<TaskCompletedEvent>().Any());
        await v1.StopAsync(CancellationToken.None);

        await host.StartWorkerAsync(b => b.AddOrchestrator<VersionTwoOrchestrator>("Versioned"));
        await host.Client.RaiseEventAsync(id, "go", "now");
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("CallActivityAsync(\"EchoActivity\")", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("CallActivityAsync(\"SquareActivity\")", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ExecutionStarted")]
    [InlineData("TaskCompleted")]
    [InlineData("TaskFailed")]
    [InlineData("TimerFired")]
    [InlineData("EventRaised")]
    [InlineData("WorkItem")]
    [InlineData("All")]
    public async Task DuplicateDeliveries_OfEveryMessageKind_ChangeNothing(string kind)
    {
        await using DurableTestHost host = NewHost();
        Func<string, bool> when = kind switch
        {
            "All" => _ => true,
            "WorkItem" => body => !body.Contains("\"event\"", StringComparison.Ordinal),
            _ => body => body.Contains($"\"kind\":\"{kind}\"", StringComparison.Ordinal),
        };
        if (!TryInjectDuplicates(host.Backend, when))
        {
            return;
        }

        await host.StartWorkerAsync();
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(KitchenSinkOrchestrator), "x");
        await host.WaitForHistoryAsync(id, h => h.OfType<TimerCreatedEvent>().Any());
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await WaitForCustomStatusAsync(host, id, "waiting");
        await host.Client.RaiseEventAsync(id, "add", 1);
        await host.Client.RaiseEventAsync(id, "add", 2);
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.Equal("x|1|3", done.ReadOutputAs<string>());
        IReadOnlyList<HistoryEvent> history = await host.HistoryAsync(id);
        Assert.Single(history.OfType<ExecutionStartedEvent>());
        Assert.Single(history.OfType<TaskCompletedEvent>());
        Assert.Single(history.OfType<TaskFailedEvent>());
        Assert.Single(history.OfType<TimerFiredEvent>());
        Assert.Equal(2, history.OfType<EventRaisedEvent>().Count());
        Assert.Single(history.OfType<ExecutionCompletedEvent>());
    }

    [Fact]
    public async Task DuplicateDeliveries_OfTerminate_TerminateOnce()
    {
        await using DurableTestHost host = NewHost();
        if (!TryInjectDuplicates(host.Backend, _ => true))
        {
            return;
        }

        await host.StartWorkerAsync();
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrchestrator), new EventInput(1, TimeSpan.Zero));
        await WaitForCustomStatusAsync(host, id, "waiting");
        await host.Client.TerminateInstanceAsync(id, "bye");
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);
        await host.Client.RaiseEventAsync(id, "Approval", "late");

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        IReadOnlyList<HistoryEvent> history = await host.HistoryAsync(id);
        Assert.Single(history.OfType<ExecutionTerminatedEvent>());
        Assert.Empty(history.OfType<EventRaisedEvent>());
    }

    [Fact]
    public async Task LargePayloads_OneMebibyteInAndTwoOut_RoundTrip()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();
        string big = string.Create(1024 * 1024, 0, (span, _) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LargePayloadOrchestrator), big);
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.Equal(big + big, done.ReadOutputAs<string>());
        Assert.Equal(big, done.ReadInputAs<string>());
    }

    [Fact]
    public async Task WorkerDisposedMidFlight_NewWorkerFinishesEveryInstance()
    {
        await using DurableTestHost host = NewHost();
        var first = await host.StartWorkerAsync(configure: o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(100));
        string[] ids = new string[10];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GateOrchestrator), 3);
        }

        await host.WaitUntilAsync(() => host.Probe.Started >= 8);
        await first.DisposeAsync();

        await host.StartWorkerAsync();
        host.Probe.Gate.SetResult();
        foreach (string id in ids)
        {
            OrchestrationMetadata done = await host.WaitForCompletionAsync(id);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(6, done.ReadOutputAs<int>());
        }
    }

    [Fact]
    public async Task WorkerVanishesWithoutAbandoning_LeaseExpires_AndActivityIsRedelivered()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync(configure: o => o.MaxConcurrentActivities = 0);
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 1);

        // The test plays a worker that leases the activity and then dies without completing or abandoning it.
        Backend.BackendMessage? stolen = null;
        await host.WaitUntilAsync(async () =>
            (stolen = await host.Backend.ReceiveWorkItemAsync([host.Backend.SharedWorkItemQueue], TimeSpan.FromMinutes(1), CancellationToken.None)) is not null);
        await host.StartWorkerAsync(configure: o => o.MaxConcurrentOrchestrations = 0);
        OrchestrationMetadata? whileLeased = await host.Client.GetInstanceAsync(id);
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.NotNull(stolen);
        Assert.Equal(OrchestrationRuntimeStatus.Running, whileLeased!.RuntimeStatus);
        Assert.Equal(["step-0"], done.ReadOutputAs<List<string>>());
        Assert.Equal(1, host.Probe.Count("echo"));
    }

    [Fact]
    public async Task StaleResult_ForADecisionThatWasNeverCommitted_IsIgnored()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync(configure: o => o.MaxConcurrentActivities = 0);
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 1);
        IReadOnlyList<HistoryEvent> history = await host.WaitForHistoryAsync(id, h => h.OfType<TaskScheduledEvent>().Any());

        // A result for call #0 from a decision a stale worker made and then lost (different call id).
        var forged = new TaskCompletedEvent(0, DurableSerializer.Serialize("forged")) { CallId = "not-the-committed-call" };
        await host.Backend.SendControlMessageAsync(
            id, DurableSerializer.SerializeMessage(new OrchestrationMessage("m-forged", id, forged)), host.Clock.GetUtcNow(), CancellationToken.None);
        await host.StartWorkerAsync(configure: o => o.MaxConcurrentOrchestrations = 0);
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.NotNull(history.OfType<TaskScheduledEvent>().Single().CallId);
        Assert.Equal(["step-0"], done.ReadOutputAs<List<string>>());
    }
}
