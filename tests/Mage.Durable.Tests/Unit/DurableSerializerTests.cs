using Mage.Durable.History;

namespace Mage.Durable.Tests.Unit;

public sealed class DurableSerializerTests
{
    public static TheoryData<HistoryEvent> Events()
    {
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        return new TheoryData<HistoryEvent>
        {
            new ExecutionStartedEvent("Build", "{\"a\":1}") { Timestamp = at },
            new OrchestratorStartedEvent { Timestamp = at },
            new TaskScheduledEvent(3, "CreateDriver", "\"x\"", "worker-a") { Timestamp = at },
            new TaskCompletedEvent(3, "42") { Timestamp = at },
            new TaskFailedEvent(3, new TaskFailureDetails("T", "m", "s", new TaskFailureDetails("I", "n"))) { Timestamp = at },
            new TimerCreatedEvent(4, at.AddDays(30)) { Timestamp = at },
            new TimerFiredEvent(4, at.AddDays(30)) { Timestamp = at },
            new EventRaisedEvent("kill", null, "m1") { Timestamp = at },
            new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Failed, null, new TaskFailureDetails("T", "m")) { Timestamp = at },
            new ExecutionTerminatedEvent("\"bye\"") { Timestamp = at },
        };
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void HistoryEvent_RoundTripsThroughJson(HistoryEvent historyEvent)
    {
        string json = DurableSerializer.SerializeEvent(historyEvent);

        Assert.Equal(historyEvent, DurableSerializer.DeserializeEvent(json));
    }

    [Fact]
    public void ControlMessage_RoundTrips_WithEventKindVisibleInBody()
    {
        var message = new OrchestrationMessage("m", "i", new TimerFiredEvent(1, DateTime.UnixEpoch), 2);

        string body = DurableSerializer.SerializeMessage(message);

        Assert.Contains("\"kind\":\"TimerFired\"", body, StringComparison.Ordinal);
        Assert.Equal(message, DurableSerializer.DeserializeOrchestrationMessage(body));
    }

    [Fact]
    public void Payload_NullAndValueTypes_HaveDefaults()
    {
        Assert.Null(DurableSerializer.Serialize(null));
        Assert.Equal(0, DurableSerializer.Deserialize<int>(null));
        Assert.Null(DurableSerializer.Deserialize<string>(null));
    }
}
