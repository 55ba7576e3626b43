namespace Mage.Storage.Queues;

/// <summary>A peeked message: visible to everyone, has no pop receipt and cannot be deleted through this.</summary>
public sealed record PeekedQueueMessage(string MessageId, long DequeueCount, DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn, string Text);
