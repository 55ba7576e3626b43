using System.Globalization;
using Mage.Codegen.Configuration;

namespace Mage.Codegen.Model;

/// <summary>
/// Maps a compiled <see cref="ServiceConfiguration"/> onto the plain <see cref="CodegenService"/>
/// that templates are rendered from. Pure. Spell options become string settings (what the
/// generated <c>appsettings.json</c> carries, docs/template-packs.md).
/// </summary>
public static class ConfigurationMapper
{
    /// <summary>The code generation view of <paramref name="configuration"/>.</summary>
    public static CodegenService Map(ServiceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var spells = configuration.Spells;
        var entities = configuration.Entities.Select(e => Entity(configuration, e)).ToList();
        var calls = spells.HttpCall?.Calls.Select(c => new CodegenHttpCall(
            c.Name,
            c.Mode == HttpCallMode.Parallel ? "parallel" : "series",
            (int)Math.Ceiling(c.Timeout.TotalSeconds),
            [.. c.Requests.Select(r => new CodegenHttpRequest(r.Name, r.Method, r.Url))],
            spells.CircuitBreaker?.Calls.Contains(c.Name, StringComparer.Ordinal) ?? false)).ToList() ?? [];
        var endpoints = configuration.Endpoints.Custom
            .Select(e => new CodegenEndpoint(e.Name, e.Method, e.Route, e.Description ?? string.Empty, e.Calls))
            .ToList();
        return new CodegenService(configuration.Service, configuration.Description ?? string.Empty, entities, Spells(spells), calls, endpoints);
    }

    private static CodegenEntity Entity(ServiceConfiguration configuration, EntityModel entity)
    {
        var spells = configuration.Spells;
        var exposed = configuration.Endpoints.Entities.FirstOrDefault(e => e.Entity == entity.Name);
        var audited = spells.AuditLog is { } audit && audit.Entities.Contains(entity.Name, StringComparer.Ordinal)
            ? audit.Operations.Select(Operation).ToList()
            : [];
        return new CodegenEntity(
            entity.Name,
            [.. entity.Fields.Select(f => Field(configuration, f))],
            exposed?.Route,
            exposed is null ? [] : [.. exposed.Operations.Select(Operation)],
            spells.CacheAside?.Entities.Contains(entity.Name, StringComparer.Ordinal) ?? false,
            audited);
    }

    private static CodegenField Field(ServiceConfiguration configuration, FieldModel field) => new(
        field.Name,
        TypeName(configuration, field, depth: 0),
        Key: field.IsKey,
        Required: field.IsRequired,
        MinLength: field.MinLength,
        MaxLength: field.MaxLength,
        Min: field.Min,
        Max: field.Max,
        Pattern: field.Pattern,
        Values: field.Type == FieldType.Enum ? field.Values : null);

    /// <summary>The type name; a reference takes the type of the referenced entity's key.</summary>
    private static string TypeName(ServiceConfiguration configuration, FieldModel field, int depth) => field.Type switch
    {
        FieldType.String => "string",
        FieldType.Int => "int",
        FieldType.Long => "long",
        FieldType.Decimal => "decimal",
        FieldType.Bool => "bool",
        FieldType.DateTime => "datetime",
        FieldType.Guid => "guid",
        FieldType.Enum => "enum",
        FieldType.Reference when depth < 8 && field.Entity is { } target && configuration.FindEntity(target) is { } referenced =>
            TypeName(configuration, referenced.Key, depth + 1),
        _ => "string",
    };

    private static string Operation(EntityOperation operation) => operation.ToString().ToLowerInvariant();

    private static List<CodegenSpell> Spells(SpellSet spells)
    {
        var list = new List<CodegenSpell>();
        if (spells.Crud is { } crud)
        {
            list.Add(Spell(SpellNames.Crud, ("pageSize", crud.PageSize), ("maxPageSize", crud.MaxPageSize)));
        }

        if (spells.CacheAside is { } cache)
        {
            list.Add(Spell(SpellNames.CacheAside, ("ttlSeconds", (int)Math.Ceiling(cache.Ttl.TotalSeconds)), ("maxEntries", cache.MaxEntries)));
        }

        if (spells.AuditLog is not null)
        {
            list.Add(Spell(SpellNames.AuditLog));
        }

        if (spells.HttpCall is not null)
        {
            list.Add(Spell(SpellNames.HttpCall));
        }

        if (spells.WorkQueue is { } queue)
        {
            list.Add(new CodegenSpell(SpellNames.WorkQueue, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["capacity"] = queue.Capacity.ToString(CultureInfo.InvariantCulture),
                ["workers"] = queue.Workers.ToString(CultureInfo.InvariantCulture),
                ["whenFull"] = queue.WhenFull == WorkQueueFullMode.Reject ? "reject" : "wait",
            }));
        }

        if (spells.CircuitBreaker is { } breaker)
        {
            list.Add(Spell(SpellNames.CircuitBreaker, ("failureThreshold", breaker.FailureThreshold), ("breakSeconds", (int)Math.Ceiling(breaker.BreakDuration.TotalSeconds))));
        }

        return list;
    }

    private static CodegenSpell Spell(string name, params (string Key, int Value)[] settings) =>
        new(name, settings.ToDictionary(s => s.Key, s => s.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal));
}
