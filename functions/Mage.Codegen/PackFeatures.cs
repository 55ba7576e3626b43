namespace Mage.Codegen;

/// <summary>Configuration features a pack may list under <c>requires</c>.</summary>
public static class PackFeatures
{
    /// <summary>At least one entity in the data model.</summary>
    public const string Entities = "entities";

    /// <summary>At least one call of the <c>http-call</c> spell.</summary>
    public const string HttpCalls = "http-calls";

    /// <summary>Every feature, sorted.</summary>
    public static readonly IReadOnlyList<string> All = [Entities, HttpCalls];
}
