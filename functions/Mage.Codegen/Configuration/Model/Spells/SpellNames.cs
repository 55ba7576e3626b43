namespace Mage.Codegen.Configuration;

/// <summary>The names of the spells as written under <c>spells</c>.</summary>
public static class SpellNames
{
    /// <summary><c>crud</c>.</summary>
    public const string Crud = "crud";

    /// <summary><c>cache-aside</c>.</summary>
    public const string CacheAside = "cache-aside";

    /// <summary><c>audit-log</c>.</summary>
    public const string AuditLog = "audit-log";

    /// <summary><c>http-call</c>.</summary>
    public const string HttpCall = "http-call";

    /// <summary><c>work-queue</c>.</summary>
    public const string WorkQueue = "work-queue";

    /// <summary><c>circuit-breaker</c>.</summary>
    public const string CircuitBreaker = "circuit-breaker";

    /// <summary>Every spell, in the documented order.</summary>
    public static IReadOnlyList<string> All { get; } = [Crud, CacheAside, AuditLog, HttpCall, WorkQueue, CircuitBreaker];
}
