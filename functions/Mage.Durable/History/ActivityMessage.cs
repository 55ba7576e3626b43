namespace Mage.Durable.History;

/// <summary>Work-item message asking a worker to run an activity. Travels as a JSON string.</summary>
/// <param name="InstanceId">Calling instance; the result goes to its control queue.</param>
/// <param name="TaskScheduledId">Sequence id of the call.</param>
/// <param name="Name">Activity name.</param>
/// <param name="Input">Serialized input.</param>
public sealed record ActivityMessage(string InstanceId, int TaskScheduledId, string Name, string? Input)
{
    /// <summary>The decision's <see cref="HistoryEvent.CallId"/>, echoed in the result.</summary>
    public string? CallId { get; init; }
}
