namespace Mage.Builds.Codegen.Model;

/// <summary>The spells Mage knows (a pack declares in <c>supports</c> which of them it implements).</summary>
public static class SpellNames
{
    /// <summary>Create, read, update, delete endpoints over each entity.</summary>
    public const string Crud = "crud";

    /// <summary>Reads by key go through a cache; writes invalidate it.</summary>
    public const string CacheAside = "cache-aside";

    /// <summary>Every change is recorded (who/what/when) and can be listed.</summary>
    public const string AuditLog = "audit-log";

    /// <summary>Calls to other APIs stop for a while after repeated failures.</summary>
    public const string CircuitBreaker = "circuit-breaker";

    /// <summary>Call the configured APIs one after another.</summary>
    public const string HttpSeries = "http-series";

    /// <summary>Call the configured APIs at the same time.</summary>
    public const string HttpParallel = "http-parallel";

    /// <summary>Accept work now, process it in the background.</summary>
    public const string WorkQueue = "work-queue";

    /// <summary>Every known spell, sorted.</summary>
    public static readonly IReadOnlyList<string> All = new[] { Crud, CacheAside, AuditLog, CircuitBreaker, HttpSeries, HttpParallel, WorkQueue }.Order(StringComparer.Ordinal).ToArray();
}
