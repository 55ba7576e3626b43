namespace Mage.Storage.Queues;

/// <summary>
/// A received (dequeued) message: invisible to others until <see cref="NextVisibleOn"/>. Delete it with
/// <see cref="MessageId"/> and the latest <see cref="PopReceipt"/>, or extend it with UpdateMessageAsync.
/// </summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset? NextVisibleOn,
    string Text);
