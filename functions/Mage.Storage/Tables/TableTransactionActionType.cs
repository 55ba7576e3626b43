namespace Mage.Storage.Tables;

/// <summary>Operation kinds inside an entity group transaction.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails (409) when the entity exists.</summary>
    Add,
    /// <summary>Insert or merge (no ETag check).</summary>
    UpsertMerge,
    /// <summary>Insert or replace (no ETag check).</summary>
    UpsertReplace,
    /// <summary>Merge into an existing entity when its ETag matches (default ETag: any).</summary>
    UpdateMerge,
    /// <summary>Replace an existing entity when its ETag matches (default ETag: any).</summary>
    UpdateReplace,
    /// <summary>Delete an existing entity when its ETag matches (default ETag: any).</summary>
    Delete,
}
