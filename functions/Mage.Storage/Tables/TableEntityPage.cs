namespace Mage.Storage.Tables;

/// <summary>
/// One page of a query (≤ 1,000 entities, possibly fewer or even none while <see cref="ContinuationToken"/>
/// is set: keep going until it is null).
/// </summary>
public sealed record TableEntityPage(IReadOnlyList<TableEntity> Items, TableContinuationToken? ContinuationToken);
