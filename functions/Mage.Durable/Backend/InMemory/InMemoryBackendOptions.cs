namespace Mage.Durable.Backend.InMemory;

/// <summary>Knobs of <see cref="InMemoryBackend"/>, mostly for fault injection in tests.</summary>
public sealed class InMemoryBackendOptions
{
    /// <summary>
    /// When it returns true for a message body, the message is stored twice, as a transport duplicate
    /// would be. Applies to control messages and work items alike. Evaluated under the backend lock:
    /// keep it cheap and side-effect free.
    /// </summary>
    public Func<string, bool>? DuplicateWhen { get; set; }

    /// <summary>Longest a receive call waits before returning null. Default 1 second.</summary>
    public TimeSpan IdleReceiveTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Name of the shared work-item queue. Default "workitems".</summary>
    public string SharedWorkItemQueue { get; set; } = "workitems";
}
