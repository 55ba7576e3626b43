namespace Mage.Durable.History;

/// <summary>An external event arrived.</summary>
/// <param name="Name">Event name (matched case-insensitively).</param>
/// <param name="Input">Serialized payload.</param>
/// <param name="MessageId">Id of the message that carried it; used to drop duplicate deliveries.</param>
public sealed record EventRaisedEvent(string Name, string? Input, string MessageId) : HistoryEvent;
