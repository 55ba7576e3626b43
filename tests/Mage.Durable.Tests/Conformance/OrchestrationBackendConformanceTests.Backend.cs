using Mage.Durable.Backend;
using Mage.Durable.History;
using Mage.Durable.Tests.Infrastructure;

namespace Mage.Durable.Tests.Conformance;

/// <summary>The backend contract itself, without the engine: what a new implementation must get right first.</summary>
public abstract partial class OrchestrationBackendConformanceTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Backend_CreateInstanceIfAbsent_SecondCreateIsRefused()
    {
        await using DurableTestHost host = NewHost();
        OrchestrationInstanceRecord record = NewRecord("i1");

        Assert.True(await host.Backend.CreateInstanceIfAbsentAsync(record, CancellationToken.None));
        Assert.False(await host.Backend.CreateInstanceIfAbsentAsync(record with { Name = "Other" }, CancellationToken.None));
        Assert.Equal("Orch", (await host.Backend.GetInstanceAsync("i1", CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task Backend_AppendHistory_WithStaleETag_ThrowsAndWritesNothing()
    {
        await using DurableTestHost host = NewHost();
        await host.Backend.CreateInstanceIfAbsentAsync(NewRecord("i1"), CancellationToken.None);
        InstanceState empty = (await host.Backend.LoadInstanceAsync("i1", CancellationToken.None))!;

        string etag = await host.Backend.AppendHistoryAsync("i1", empty.ETag, [new OrchestratorStartedEvent()], NewRecord("i1"), CancellationToken.None);
        await Assert.ThrowsAsync<HistoryConflictException>(() =>
            host.Backend.AppendHistoryAsync("i1", empty.ETag, [new OrchestratorStartedEvent()], NewRecord("i1"), CancellationToken.None));
        await host.Backend.AppendHistoryAsync("i1", etag, [new ExecutionStartedEvent("Orch", null)], NewRecord("i1"), CancellationToken.None);

        InstanceState state = (await host.Backend.LoadInstanceAsync("i1", CancellationToken.None))!;
        Assert.Equal(2, state.History.Count);
        Assert.NotEqual(etag, state.ETag);
    }

    [Fact]
    public async Task Backend_ControlMessages_LeasedPerInstance_AndLockedUntilCompleted()
    {
        await using DurableTestHost host = NewHost();
        DateTimeOffset now = host.Clock.GetUtcNow();
        await host.Backend.SendControlMessageAsync("a", "a1", now, CancellationToken.None);
        await host.Backend.SendControlMessageAsync("a", "a2", now, CancellationToken.None);

        ControlWorkItem first = (await host.Backend.ReceiveControlWorkItemAsync(Lease, CancellationToken.None))!;
        await host.Backend.SendControlMessageAsync("a", "a3", now, CancellationToken.None);
        ControlWorkItem? whileLocked = await host.Backend.ReceiveControlWorkItemAsync(Lease, CancellationToken.None);
        await host.Backend.CompleteControlWorkItemAsync(first, CancellationToken.None);
        ControlWorkItem second = (await host.Backend.ReceiveControlWorkItemAsync(Lease, CancellationToken.None))!;

        Assert.Equal(["a1", "a2"], first.Messages.Select(m => m.Body));
        Assert.Null(whileLocked);
        Assert.Equal(["a3"], second.Messages.Select(m => m.Body));
    }

    [Fact]
    public async Task Backend_ControlMessages_AbandonAndLeaseExpiry_Redeliver()
    {
        await using DurableTestHost host = NewHost();
        await host.Backend.SendControlMessageAsync("a", "m", host.Clock.GetUtcNow(), CancellationToken.None);

        ControlWorkItem first = (await host.Backend.ReceiveControlWorkItemAsync(Lease, CancellationToken.None))!;
        await host.Backend.AbandonControlWorkItemAsync(first, TimeSpan.Zero, CancellationToken.None);
        ControlWorkItem second = (await host.Backend.ReceiveControlWorkItemAsync(Lease, CancellationToken.None))!;
        host.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        ControlWorkItem third = (await host.Backend.ReceiveControlWorkItemAsync(Lease, CancellationToken.None))!;
        await host.Backend.CompleteControlWorkItemAsync(second, CancellationToken.None); // stale: deletes nothing
        await host.Backend.CompleteControlWorkItemAsync(third, CancellationToken.None);

        Assert.Equal(2, second.Messages[0].DequeueCount);
        Assert.Equal(3, third.Messages[0].DequeueCount);
        Assert.Null(await host.Backend.ReceiveControlWorkItemAsync(Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Backend_DelayedMessages_InvisibleUntilDue()
    {
        await using DurableTestHost host = NewHost();
        DateTimeOffset due = host.Clock.GetUtcNow() + TimeSpan.FromDays(10);
        await host.Backend.SendControlMessageAsync("a", "timer", due, CancellationToken.None);
        await host.Backend.SendWorkItemAsync("q", "work", due, CancellationToken.None);

        Assert.Null(await host.Backend.ReceiveControlWorkItemAsync(Lease, CancellationToken.None));
        Assert.Null(await host.Backend.ReceiveWorkItemAsync(["q"], Lease, CancellationToken.None));
        Task<ControlWorkItem?> waiting = host.Backend.ReceiveControlWorkItemAsync(Lease, CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromDays(10));

        Assert.Equal("timer", (await waiting)!.Messages.Single().Body);
        Assert.Equal("work", (await host.Backend.ReceiveWorkItemAsync(["q"], Lease, CancellationToken.None))!.Body);
    }

    [Fact]
    public async Task Backend_WorkItems_NamedQueuesAreSeparate_AndRenewExtendsLease()
    {
        await using DurableTestHost host = NewHost();
        DateTimeOffset now = host.Clock.GetUtcNow();
        await host.Backend.SendWorkItemAsync("worker-a", "for-a", now, CancellationToken.None);

        Assert.Null(await host.Backend.ReceiveWorkItemAsync(["worker-b", host.Backend.SharedWorkItemQueue], Lease, CancellationToken.None));
        BackendMessage leased = (await host.Backend.ReceiveWorkItemAsync(["worker-a"], Lease, CancellationToken.None))!;
        host.Clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await host.Backend.RenewWorkItemAsync(leased, Lease, CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Null(await host.Backend.ReceiveWorkItemAsync(["worker-a"], Lease, CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromSeconds(20));
        BackendMessage redelivered = (await host.Backend.ReceiveWorkItemAsync(["worker-a"], Lease, CancellationToken.None))!;

        Assert.Equal("for-a", redelivered.Body);
        Assert.False(await host.Backend.RenewWorkItemAsync(leased, Lease, CancellationToken.None));
        await host.Backend.CompleteWorkItemAsync(redelivered, CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await host.Backend.ReceiveWorkItemAsync(["worker-a"], Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Backend_WaitForCompletion_SignalsOnTerminalAppend()
    {
        await using DurableTestHost host = NewHost();
        await host.Backend.CreateInstanceIfAbsentAsync(NewRecord("i1"), CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Task<OrchestrationInstanceRecord?> waiting = host.Backend.WaitForInstanceCompletionAsync("i1", timeout.Token);

        InstanceState state = (await host.Backend.LoadInstanceAsync("i1", CancellationToken.None))!;
        await host.Backend.AppendHistoryAsync("i1", state.ETag, [], NewRecord("i1") with { Status = OrchestrationRuntimeStatus.Completed }, CancellationToken.None);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await waiting)!.Status);
        Assert.Null(await host.Backend.WaitForInstanceCompletionAsync("missing", timeout.Token));
    }

    [Fact]
    public async Task GracefulStop_InFlightActivityFinishesWithinGrace_AndIsNotRunAgain()
    {
        await using DurableTestHost host = NewHost();
        var first = await host.StartWorkerAsync();
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Orchestrations.GateOrchestrator), 1);
        await host.WaitUntilAsync(() => host.Probe.Started == 1);

        Task stopping = first.StopAsync(CancellationToken.None);
        host.Probe.Gate.SetResult();
        await stopping;
        await host.StartWorkerAsync();
        OrchestrationMetadata done = await host.WaitForCompletionAsync(id);

        Assert.Equal(1, done.ReadOutputAs<int>());
        Assert.Equal(1, host.Probe.Started);
    }

    private static OrchestrationInstanceRecord NewRecord(string id) => new() { InstanceId = id, Name = "Orch" };
}
