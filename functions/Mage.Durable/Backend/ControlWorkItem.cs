namespace Mage.Durable.Backend;

/// <summary>
/// A batch of control messages for one instance, leased together. While the lease holds, no other
/// caller receives messages for this instance (the instance is "locked").
/// </summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Messages">Visible messages at receive time, in send order.</param>
/// <param name="LeaseToken">Token for complete/abandon.</param>
public sealed record ControlWorkItem(string InstanceId, IReadOnlyList<BackendMessage> Messages, string LeaseToken);
