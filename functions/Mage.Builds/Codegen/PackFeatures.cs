namespace Mage.Builds.Codegen;

/// <summary>Configuration features a pack may list under <c>requires</c>.</summary>
public static class PackFeatures
{
    /// <summary>At least one entity in the data model.</summary>
    public const string Entities = "entities";

    /// <summary>At least one downstream API.</summary>
    public const string Downstreams = "downstreams";

    /// <summary>Every feature, sorted.</summary>
    public static readonly IReadOnlyList<string> All = [Downstreams, Entities];
}
