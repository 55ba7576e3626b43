namespace Mage.Storage.Tables;

/// <summary>How a write combines with an existing entity.</summary>
public enum TableUpdateMode
{
    /// <summary>MERGE: properties not sent are kept.</summary>
    Merge,
    /// <summary>PUT: the entity is replaced; properties not sent are removed.</summary>
    Replace,
}
