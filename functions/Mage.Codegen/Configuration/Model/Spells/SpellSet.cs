namespace Mage.Codegen.Configuration;

/// <summary>The spells of a service: a spell is on when its property is not null.</summary>
/// <param name="Crud">Create/read/update/delete over the data model.</param>
/// <param name="CacheAside">Read-through cache in front of the store.</param>
/// <param name="AuditLog">A record of every write.</param>
/// <param name="HttpCall">Calls to other APIs, in series or in parallel.</param>
/// <param name="WorkQueue">An in-memory background work queue.</param>
/// <param name="CircuitBreaker">Stops calling an API that keeps failing.</param>
public sealed record SpellSet(
    CrudSpell? Crud,
    CacheAsideSpell? CacheAside,
    AuditLogSpell? AuditLog,
    HttpCallSpell? HttpCall,
    WorkQueueSpell? WorkQueue,
    CircuitBreakerSpell? CircuitBreaker)
{
    /// <summary>No spell on.</summary>
    public static SpellSet None { get; } = new(null, null, null, null, null, null);

    /// <summary>The names of the spells that are on (<c>crud</c>, <c>cache-aside</c>, …), in the documented order.</summary>
    public IReadOnlyList<string> EnabledNames =>
    [
        .. Crud is null ? Array.Empty<string>() : [SpellNames.Crud],
        .. CacheAside is null ? Array.Empty<string>() : [SpellNames.CacheAside],
        .. AuditLog is null ? Array.Empty<string>() : [SpellNames.AuditLog],
        .. HttpCall is null ? Array.Empty<string>() : [SpellNames.HttpCall],
        .. WorkQueue is null ? Array.Empty<string>() : [SpellNames.WorkQueue],
        .. CircuitBreaker is null ? Array.Empty<string>() : [SpellNames.CircuitBreaker],
    ];
}
