using Mage.Storage.Queues;

namespace Mage.Durable.Backend.AzureStorage;

/// <summary>
/// A queue message this process holds: its current pop receipt (it changes on every update), the logical
/// lease expiry on the backend clock and the timer that releases it then. Mutable state is guarded by <see cref="Gate"/>.
/// </summary>
internal sealed class LeasedMessage
{
    public required string Token { get; init; }

    public required QueueClient Queue { get; init; }

    /// <summary>Logical work-item queue name, or the instance id for control messages.</summary>
    public required string LogicalQueue { get; init; }

    /// <summary>Control partition, or -1 for work items.</summary>
    public required int Partition { get; init; }

    public required string MessageId { get; init; }

    public required QueueEnvelope Envelope { get; init; }

    public required string Body { get; init; }

    public required int DequeueCount { get; init; }

    public Lock Gate { get; } = new();

    public required string PopReceipt { get; set; }

    public ITimer? ExpiryTimer { get; set; }

    /// <summary>Set once the message was deleted, abandoned or expired; later operations on it do nothing.</summary>
    public bool Released { get; set; }

    public BackendMessage ToBackendMessage() => new(MessageId, Body, DequeueCount, Token, LogicalQueue);
}
