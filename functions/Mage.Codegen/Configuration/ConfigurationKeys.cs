namespace Mage.Codegen.Configuration;

/// <summary>The keys a service configuration may use, section by section (docs/configuration.md documents each).</summary>
public static class ConfigurationKeys
{
    /// <summary>Top-level keys, in the documented order.</summary>
    public static IReadOnlyList<string> TopLevel { get; } = ["service", "description", "pack", "model", "endpoints", "spells"];

    /// <summary>Keys of a <c>pack</c> mapping (a git pack or an uploaded object).</summary>
    public static IReadOnlyList<string> Pack { get; } = ["git", "ref", "path", "object"];

    /// <summary>Keys of an entity under <c>model</c>.</summary>
    public static IReadOnlyList<string> Entity { get; } = ["description", "fields"];

    /// <summary>Keys of a field.</summary>
    public static IReadOnlyList<string> Field { get; } =
        ["type", "key", "required", "description", "minLength", "maxLength", "pattern", "min", "max", "values", "entity"];

    /// <summary>Field types, as written.</summary>
    public static IReadOnlyList<string> FieldTypes { get; } = ["string", "int", "long", "decimal", "bool", "datetime", "guid", "enum", "reference"];

    /// <summary>Keys of <c>endpoints</c>.</summary>
    public static IReadOnlyList<string> Endpoints { get; } = ["entities", "custom"];

    /// <summary>Keys of an entity's long form under <c>endpoints.entities</c>.</summary>
    public static IReadOnlyList<string> EntityEndpoints { get; } = ["operations", "route"];

    /// <summary>Entity operations, as written.</summary>
    public static IReadOnlyList<string> Operations { get; } = ["list", "get", "create", "update", "delete"];

    /// <summary>Keys of a custom endpoint.</summary>
    public static IReadOnlyList<string> CustomEndpoint { get; } = ["method", "route", "description", "calls"];

    /// <summary>HTTP methods of custom endpoints and calls.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Options of each spell.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> SpellOptions { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [SpellNames.Crud] = ["pageSize", "maxPageSize"],
        [SpellNames.CacheAside] = ["ttl", "maxEntries", "entities"],
        [SpellNames.AuditLog] = ["entities", "operations"],
        [SpellNames.HttpCall] = ["calls"],
        [SpellNames.WorkQueue] = ["capacity", "workers", "whenFull"],
        [SpellNames.CircuitBreaker] = ["failureThreshold", "breakDuration", "calls"],
    };

    /// <summary>Keys of one call of <c>http-call</c>.</summary>
    public static IReadOnlyList<string> HttpCall { get; } = ["mode", "timeout", "requests"];

    /// <summary>Keys of one request of a call.</summary>
    public static IReadOnlyList<string> HttpRequest { get; } = ["method", "url"];
}
