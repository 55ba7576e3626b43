namespace Mage.Durable.Backend.InMemory;

/// <summary>Mutable message slot; guarded by the backend lock.</summary>
internal sealed class StoredMessage(string id, string body, string queue, DateTimeOffset visibleAt)
{
    public string Id { get; } = id;

    public string Body { get; } = body;

    /// <summary>Work-item queue name, or instance id for control messages.</summary>
    public string Queue { get; } = queue;

    public DateTimeOffset VisibleAt { get; set; } = visibleAt;

    public int DequeueCount { get; set; }

    public string? LeaseToken { get; set; }

    public DateTimeOffset LeaseExpiresAt { get; set; }

    public bool Deleted { get; set; }

    /// <summary>True while the message sits in its queue's visible list, so it is listed once.</summary>
    public bool Queued { get; set; }

    public BackendMessage ToBackendMessage() => new(Id, Body, DequeueCount, LeaseToken!, Queue);
}
