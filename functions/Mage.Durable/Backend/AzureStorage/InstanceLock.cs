namespace Mage.Durable.Backend.AzureStorage;

/// <summary>An instance handed out as a control work item: its token, messages and lease-expiry timer.</summary>
internal sealed class InstanceLock(string token, int partition, IReadOnlyList<LeasedMessage> messages)
{
    public string Token { get; } = token;

    public int Partition { get; } = partition;

    public IReadOnlyList<LeasedMessage> Messages { get; } = messages;

    public ITimer? ExpiryTimer { get; set; }
}
