using Mage.Durable.Backend;
using Mage.Durable.History;
using Mage.Durable.Tests.Infrastructure;
using Mage.Durable.Tests.Orchestrations;

namespace Mage.Durable.Tests.Conformance;

/// <summary>
/// Behaviour every <see cref="IOrchestrationBackend"/> must support, run through the real engine,
/// worker and client. Subclass it with a factory for each backend (in-memory here; Azure Storage later).
/// Time moves only through the manual clock, so timer tests never sleep.
/// </summary>
public abstract partial class OrchestrationBackendConformanceTests
{
    /// <summary>Creates an empty backend that measures visibility and leases with <paramref name="clock"/>.</summary>
    protected abstract IOrchestrationBackend CreateBackend(TimeProvider clock);

    /// <summary>Duplicate injection hook; backends that cannot inject duplicates return false (test skipped in effect).</summary>
    protected abstract bool TryInjectDuplicates(IOrchestrationBackend backend, Func<string, bool> when);

    /// <summary>Real-time bound on every wait in a test; slower backends (Azurite) may raise it.</summary>
    protected virtual TimeSpan WaitTimeout => TimeSpan.FromSeconds(30);

    private DurableTestHost NewHost(bool extendedSessions = true) => new(CreateBackend, extendedSessions, WaitTimeout);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ActivitySequence_RunsInOrder_AndReportsOutputAndStatus(bool extendedSessions)
    {
        await using DurableTestHost host = NewHost(extendedSessions);
        await host.StartWorkerAsync();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestrator), 5);
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(["step-0", "step-1", "step-2", "step-3", "step-4"], done.ReadOutputAs<List<string>>());
        Assert.Equal(5, done.ReadCustomStatusAs<Dictionary<string, int>>()!["done"]);
        Assert.Equal(5, host.Probe.Count("echo"));
        IReadOnlyList<HistoryEvent> history = await host.HistoryAsync(id);
        Assert.Equal([0, 1, 2, 3, 4], history.OfType<TaskScheduledEvent>().Select(e => e.EventId));
        Assert.IsType<ExecutionCompletedEvent>(history[^1]);
    }

    [Fact]
    public async Task FanOutFanIn_ThousandActivities_AllResultsGathered()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), 1000);
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 1000).Sum(i => (long)i * i), done.ReadOutputAs<long>());
        IReadOnlyList<HistoryEvent> history = await host.HistoryAsync(id);
        Assert.Equal(1000, history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Distinct().Count());
    }

    [Theory]
    [InlineData(90)]
    [InlineData(30 * 24 * 60 * 60)]
    public async Task Timer_FiresExactlyAtDueTime_IncludingThirtyDays(int seconds)
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();
        DateTime start = host.Clock.GetUtcNow().UtcDateTime;
        TimeSpan delay = TimeSpan.FromSeconds(seconds);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), delay);
        await host.WaitForHistoryAsync(id, h => h.OfType<TimerCreatedEvent>().Any());
        host.Clock.Advance(delay - TimeSpan.FromSeconds(1));
        OrchestrationMetadata? early = await host.Client.GetInstanceAsync(id);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, early!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(start + delay, done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task Timer_Cancelled_DoesNotBlockCompletion_AndLateFireIsIgnored()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CancelledTimerOrchestrator), "x");
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);
        // The cancelled timer's message still becomes visible; it must be dropped, not reopen the instance.
        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.WaitForHistoryAsync(id, h => h[^1] is ExecutionCompletedEvent);

        Assert.Equal("cancelled:x", done.ReadOutputAs<string>());
        OrchestrationMetadata? after = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, after!.RuntimeStatus);
        Assert.Equal("cancelled:x", after.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Race_ActivityBeatsTimer_TimerCancelled()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(RaceOrchestrator), new RaceInput("SquareActivity", TimeSpan.FromMinutes(5)));
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.Equal("activity:49", done.ReadOutputAs<string>());
        Assert.Empty((await host.HistoryAsync(id)).OfType<TimerFiredEvent>());
    }

    [Fact]
    public async Task Race_TimerBeatsActivity_LateResultIgnored()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(RaceOrchestrator), new RaceInput("GateActivity", TimeSpan.FromMinutes(5)));
        await host.WaitUntilAsync(() => host.Probe.Started == 1);
        OrchestrationMetadata done = await host.RunTimersToCompletionAsync(id);
        // Moving the clock past the activity lease may redeliver the activity; either copy's result is ignored.
        host.Probe.Gate.SetResult();
        await host.WaitUntilAsync(() => host.Probe.Count("gate:finished") >= 1);

        Assert.Equal("timeout", done.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    [Fact]
    public async Task ExternalEvent_RaisedBeforeWait_IsBuffered()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(EventOrchestrator), new EventInput(2, TimeSpan.FromHours(1)));
        await host.WaitForHistoryAsync(id, h => h.OfType<TimerCreatedEvent>().Any());
        await host.Client.RaiseEventAsync(id, "approval", "first");
        await host.Client.RaiseEventAsync(id, "APPROVAL", "second");
        await host.WaitForHistoryAsync(id, h => h.OfType<EventRaisedEvent>().Count() == 2);
        OrchestrationMetadata done = await host.RunTimersToCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(["first", "second"], done.ReadOutputAs<List<string>>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ExternalEvent_RaisedAfterWait_CompletesWaiter(bool extendedSessions)
    {
        await using DurableTestHost host = NewHost(extendedSessions);
        await host.StartWorkerAsync();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrchestrator), new EventInput(2, TimeSpan.Zero));
        await WaitForCustomStatusAsync(host, id, "waiting");
        await host.Client.RaiseEventAsync(id, "Approval", "a");
        await host.WaitForHistoryAsync(id, h => h.OfType<EventRaisedEvent>().Any());
        await host.Client.RaiseEventAsync(id, "Approval", "b");
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.Equal(["a", "b"], done.ReadOutputAs<List<string>>());
        Assert.Equal("done", done.ReadCustomStatusAs<string>());
    }

    [Fact]
    public async Task Terminate_WhileActivitiesRun_EndsAtOnce_AndLaterResultsAreIgnored()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GateOrchestrator), 3);
        await host.WaitUntilAsync(() => host.Probe.Started == 3);
        await host.Client.TerminateInstanceAsync(id, "stopped by user");
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);
        host.Probe.Gate.SetResult();
        await host.WaitUntilAsync(() => host.Probe.Count("gate:finished") == 3);
        await host.Client.TerminateInstanceAsync(id, "again");

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("stopped by user", done.ReadOutputAs<string>());
        IReadOnlyList<HistoryEvent> history = await host.HistoryAsync(id);
        Assert.IsType<ExecutionTerminatedEvent>(history[^1]);
        Assert.Empty(history.OfType<TaskCompletedEvent>());
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    [Fact]
    public async Task ActivityFailure_SurfacesAsTaskFailedException_WithTypeMessageAndStack()
    {
        await using DurableTestHost host = NewHost();
        await host.StartWorkerAsync();

        string caught = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FailureOrchestrator), true);
        string escaped = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FailureOrchestrator), false);
        OrchestrationMetadata caughtDone = await host.WaitForCompletionAsync(caught);
        OrchestrationMetadata escapedDone = await host.WaitForCompletionAsync(escaped);

        TaskFailureDetails details = caughtDone.ReadOutputAs<TaskFailureDetails>()!;
        Assert.Equal(typeof(InvalidOperationException).FullName, details.ErrorType);
        Assert.Equal("disk full: /var/mage", details.ErrorMessage);
        Assert.Contains("ThrowDiskFull", details.StackTrace, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, escapedDone.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, escapedDone.FailureDetails!.ErrorType);
        Assert.Contains("disk full", escapedDone.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    private static async Task WaitForCustomStatusAsync(DurableTestHost host, string id, string status)
    {
        await host.WaitUntilAsync(async () =>
            (await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true))?.ReadCustomStatusAs<string>() == status);
    }
}
