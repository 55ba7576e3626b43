namespace Mage.Codegen.Configuration;

/// <summary><c>cache-aside</c>: reads by key go through an in-process cache; writes evict.</summary>
/// <param name="Ttl">How long an entry lives (default 5 minutes).</param>
/// <param name="MaxEntries">Most entries kept per entity (default 10 000).</param>
/// <param name="Entities">The entities cached (resolved: all when not given).</param>
public sealed record CacheAsideSpell(TimeSpan Ttl, int MaxEntries, IReadOnlyList<string> Entities);
