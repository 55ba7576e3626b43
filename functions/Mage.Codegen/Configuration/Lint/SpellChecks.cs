using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>Checks between spells and the rest: what each spell needs switched on, and the names it refers to.</summary>
internal static class SpellChecks
{
    public static void Check(ServiceConfiguration candidate, LintSink sink)
    {
        var spells = candidate.Spells;
        var entities = candidate.Entities.Select(e => e.Name).ToList();
        if (spells.Crud is { } crud && crud.PageSize > crud.MaxPageSize)
        {
            sink.Error("spells.crud.pageSize", $"pageSize {crud.PageSize} is larger than maxPageSize {crud.MaxPageSize}");
        }

        if (spells.CacheAside is { } cache)
        {
            Requires(spells.Crud is not null, "spells.cache-aside", "cache-aside caches reads of the crud store; add crud to spells", sink);
            Known(cache.Entities, entities, "spells.cache-aside.entities", "entity", "in the model", sink);
        }

        if (spells.AuditLog is { } audit)
        {
            Requires(spells.Crud is not null, "spells.audit-log", "audit-log records entity operations, which the crud spell serves; add crud to spells", sink);
            Known(audit.Entities, entities, "spells.audit-log.entities", "entity", "in the model", sink);
        }

        if (spells.CircuitBreaker is { } breaker)
        {
            Requires(spells.HttpCall is not null, "spells.circuit-breaker", "circuit-breaker protects http-call calls, and http-call is off; add http-call to spells or remove circuit-breaker", sink);
            Known(breaker.Calls, spells.HttpCall?.Calls.Select(c => c.Name).ToList() ?? [], "spells.circuit-breaker.calls", "call", "under http-call", sink);
        }

        if (spells.HttpCall is { } http)
        {
            foreach (var call in http.Calls.Where(c => candidate.Endpoints.Custom.All(e => e.Calls != c.Name)))
            {
                sink.Warning($"spells.http-call.calls.{call.Name}", $"call {call.Name} is not run by any custom endpoint (endpoints.custom.NAME.calls: {call.Name}); the generated code will hold it unused");
            }
        }
    }

    private static void Requires(bool condition, string path, string message, LintSink sink)
    {
        if (!condition)
        {
            sink.Error(path, message);
        }
    }

    private static void Known(IReadOnlyList<string> names, IReadOnlyList<string> known, string path, string what, string where, LintSink sink)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (!known.Contains(names[i]))
            {
                sink.Error(ConfigurationLinter.Item(path, i), $"{what} \"{names[i]}\" is not {where}{Suggestions.DidYouMean(names[i], known)}");
            }
        }
    }
}
