namespace Mage.Codegen.Configuration;

/// <summary>
/// Resolves the defaults of a configuration that linted without errors: with the crud spell and
/// no <c>endpoints.entities</c>, every entity gets every operation; spells that name no entities
/// or calls apply to all of them. Pure.
/// </summary>
public static class ConfigurationCompiler
{
    /// <summary>The compiled configuration. Call only when <see cref="ConfigurationLinter.Lint"/> found no errors.</summary>
    public static ServiceConfiguration Compile(ConfigurationParse parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var candidate = parsed.Candidate ?? throw new ArgumentException("The configuration could not be read; lint it first.", nameof(parsed));
        var entities = candidate.Entities.Select(e => e.Name).ToList();
        var spells = candidate.Spells;
        var exposed = ExposedEntities(parsed, candidate);
        var calls = spells.HttpCall?.Calls.Select(c => c.Name).ToList() ?? [];
        return candidate with
        {
            Endpoints = candidate.Endpoints with { Entities = exposed },
            Spells = spells with
            {
                CacheAside = spells.CacheAside is { } cache ? cache with { Entities = AllWhenEmpty(cache.Entities, entities) } : null,
                AuditLog = spells.AuditLog is { } audit ? audit with { Entities = AllWhenEmpty(audit.Entities, entities) } : null,
                CircuitBreaker = spells.CircuitBreaker is { } breaker ? breaker with { Calls = AllWhenEmpty(breaker.Calls, calls) } : null,
            },
        };
    }

    /// <summary>The entity endpoints in effect: as written, or with the crud spell and none written, every entity with every operation.</summary>
    internal static IReadOnlyList<EntityEndpoints> ExposedEntities(ConfigurationParse parsed, ServiceConfiguration candidate) =>
        !parsed.EntityEndpointsGiven && candidate.Spells.Crud is not null
            ? [.. candidate.Entities.Select(e => new EntityEndpoints(e.Name, IdentifierSyntax.DefaultRoute(e.Name), Enum.GetValues<EntityOperation>()))]
            : candidate.Endpoints.Entities;

    private static IReadOnlyList<string> AllWhenEmpty(IReadOnlyList<string> given, IReadOnlyList<string> all) => given.Count == 0 ? all : given;
}
