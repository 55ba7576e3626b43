namespace Mage.Storage.Queues;

/// <summary>Result of putting a message.</summary>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn, DateTimeOffset? NextVisibleOn);
