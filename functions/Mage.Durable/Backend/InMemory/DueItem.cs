namespace Mage.Durable.Backend.InMemory;

/// <summary>Something that changes state at a due time: a delayed message or an expiring lease.</summary>
/// <param name="Kind">What to do when due.</param>
/// <param name="Message">The message concerned (delayed message, work-item lease).</param>
/// <param name="InstanceId">The instance concerned (control messages and locks).</param>
/// <param name="Token">Lease token that must still hold for a lease expiry to apply.</param>
internal sealed record DueItem(DueKind Kind, StoredMessage? Message, string? InstanceId, string? Token);
