using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>
/// Bounds applied while reading and checking a service configuration. Hostile input must never
/// hang or exhaust memory, and a configuration must stay small enough for code generation to
/// be quick and for a person to review what it produced.
/// </summary>
public sealed record ConfigurationLimits
{
    /// <summary>The limits a deployment uses unless it configures others.</summary>
    public static ConfigurationLimits Default { get; } = new();

    /// <summary>Largest accepted document, in UTF-8 bytes (default 512 KiB).</summary>
    public int MaxDocumentBytes { get; init; } = 512 * 1024;

    /// <summary>Deepest accepted nesting of lists and mappings (default 32; the format needs 7).</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>How many nodes aliases may add in total once expanded (default 10 000): stops "billion laughs" documents.</summary>
    public long MaxAliasExpansion { get; init; } = 10_000;

    /// <summary>Most entities in <c>model</c> (default 200).</summary>
    public int MaxEntities { get; init; } = 200;

    /// <summary>Most fields of one entity (default 200).</summary>
    public int MaxFieldsPerEntity { get; init; } = 200;

    /// <summary>Most values of one enum field (default 500).</summary>
    public int MaxEnumValues { get; init; } = 500;

    /// <summary>Most custom endpoints (default 200).</summary>
    public int MaxCustomEndpoints { get; init; } = 200;

    /// <summary>Most <c>http-call</c> calls, and most requests in one call (default 100).</summary>
    public int MaxHttpCalls { get; init; } = 100;

    /// <summary>Longest name (entity, field, endpoint, call, enum value), in characters (default 64).</summary>
    public int MaxNameLength { get; init; } = 64;

    /// <summary>The YAML reader's limits, shared with manifests.</summary>
    internal ManifestLimits Yaml => new()
    {
        MaxDocumentBytes = MaxDocumentBytes,
        MaxNestingDepth = MaxNestingDepth,
        MaxAliasExpansion = MaxAliasExpansion,
    };
}
