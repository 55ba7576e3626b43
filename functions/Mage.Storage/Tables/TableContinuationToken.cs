namespace Mage.Storage.Tables;

/// <summary>Where the next page of a query starts (the x-ms-continuation-Next* headers).</summary>
public sealed record TableContinuationToken(string NextPartitionKey, string? NextRowKey);
