using Azure;

namespace Mage.Storage.Tables;

/// <summary>
/// One operation of a transaction. For Update*/Delete, <see cref="IfMatch"/> defaults to
/// <see cref="ETag.All"/> (unconditional); pass the entity's ETag for optimistic concurrency.
/// </summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag? IfMatch = null);
