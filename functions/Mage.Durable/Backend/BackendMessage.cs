namespace Mage.Durable.Backend;

/// <summary>A leased message as handed out by a backend.</summary>
/// <param name="MessageId">Backend id of this copy of the message.</param>
/// <param name="Body">The serialized message (see <see cref="DurableSerializer"/>).</param>
/// <param name="DequeueCount">How often this copy was handed out, including now.</param>
/// <param name="LeaseToken">Proof of the lease (pop receipt); needed to complete, abandon or renew.</param>
/// <param name="Queue">Queue the message came from (work items), or the instance id (control messages).</param>
public sealed record BackendMessage(string MessageId, string Body, int DequeueCount, string LeaseToken, string Queue);
