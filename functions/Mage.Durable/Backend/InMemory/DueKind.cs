namespace Mage.Durable.Backend.InMemory;

/// <summary>Kinds of <see cref="DueItem"/>.</summary>
internal enum DueKind
{
    ControlMessageVisible,
    ControlLockExpired,
    WorkItemVisible,
    WorkItemLeaseExpired,
}
