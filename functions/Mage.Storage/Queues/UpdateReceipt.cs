namespace Mage.Storage.Queues;

/// <summary>Result of updating a message: the old pop receipt is no longer valid, use <see cref="PopReceipt"/>.</summary>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset? NextVisibleOn);
