namespace Mage.Durable.Backend.InMemory;

/// <summary>Control messages of one instance plus its lock; guarded by the backend lock.</summary>
internal sealed class InstanceControl
{
    public List<StoredMessage> Messages { get; } = [];

    public string? LockToken { get; set; }

    public DateTimeOffset LockExpiresAt { get; set; }

    /// <summary>True while the id sits in the ready queue, so it is queued once.</summary>
    public bool Hinted { get; set; }
}
