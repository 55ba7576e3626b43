using Mage.Codegen.Configuration;

namespace Mage.Codegen.Model;

/// <summary>
/// Turns a <see cref="CodegenService"/> into the data templates see: nested dictionaries and lists
/// with every naming variant precomputed (docs/template-packs.md lists the keys). Pure and
/// deterministic: lists keep configuration order, settings are sorted, numbers are formatted
/// with the invariant culture.
/// </summary>
public static partial class TemplateModel
{
    /// <summary>Builds the model.</summary>
    /// <exception cref="ArgumentException">The service description is unusable (unknown field type, no key, duplicate names); the message says which and how to fix it.</exception>
    public static Dictionary<string, object?> Build(CodegenService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var problems = Check(service);
        if (problems.Count > 0)
        {
            throw new ArgumentException("the service configuration cannot be generated: " + string.Join("; ", problems), nameof(service));
        }

        var spellFlags = SpellNames.All.ToDictionary(Naming.Snake, _ => (object?)false, StringComparer.Ordinal);
        foreach (var spell in service.Spells)
        {
            spellFlags[Naming.Snake(spell.Name)] = true;
        }

        var on = service.Spells.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var calls = service.HttpCalls.Select(CallModel).ToList<object?>();
        var exposed = service.Entities.Select(e => EntityModel(e, on)).Where(e => (bool)e["has_operations"]!).ToList<object?>();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["service"] = Names(service.Name).With("description", service.Description),
            ["entities"] = service.Entities.Select(e => EntityModel(e, on)).ToList<object?>(),
            ["exposed_entities"] = exposed,
            // Scriban counts an empty list as true, so templates test this flag, not the list.
            ["has_exposed_entities"] = exposed.Count > 0,
            ["spells"] = spellFlags,
            ["spell_list"] = service.Spells.Select(s => Names(s.Name).With("settings", SortedSettings(s.Settings))).ToList<object?>(),
            ["http_calls"] = calls,
            ["has_http_calls"] = calls.Count > 0,
            ["has_protected_calls"] = service.HttpCalls.Any(c => c.Protected),
            ["endpoints"] = service.Endpoints.Select(EndpointModel).ToList<object?>(),
            ["has_endpoints"] = service.Endpoints.Count > 0,
        };
    }

    private static List<string> Check(CodegenService service)
    {
        var problems = new List<string>();
        if (Naming.Pascal(service.Name).Length == 0)
        {
            problems.Add("the service name has no letters or digits");
        }

        foreach (var duplicate in service.Entities.GroupBy(e => Naming.Pascal(e.Name), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"entities {string.Join(" and ", duplicate.Select(e => e.Name))} have the same name once normalized ({duplicate.Key}); rename one");
        }

        foreach (var entity in service.Entities)
        {
            var keys = entity.Fields.Count(f => f.Key);
            if (keys != 1)
            {
                problems.Add($"entity {entity.Name} has {keys} key fields; mark exactly one field with key: true");
            }

            foreach (var key in entity.Fields.Where(f => f.Key && f.Type is not ("string" or "int" or "long" or "guid")))
            {
                problems.Add($"key field {entity.Name}.{key.Name} has type {key.Type}; a key is a string, int, long or guid");
            }

            foreach (var field in entity.Fields.Where(f => FieldTypes.ToCSharp(f.Type) is null))
            {
                problems.Add($"field {entity.Name}.{field.Name} has unknown type {field.Type}; use one of {string.Join(", ", FieldTypes.All)}");
            }

            foreach (var duplicate in entity.Fields.GroupBy(f => Naming.Pascal(f.Name), StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"entity {entity.Name} has fields {string.Join(" and ", duplicate.Select(f => f.Name))} with the same name once normalized ({duplicate.Key})");
            }
        }

        return problems;
    }

    private static readonly string[] AllOperations = ["list", "get", "create", "update", "delete"];

    private static Dictionary<string, object?> EntityModel(CodegenEntity entity, HashSet<string> spellsOn)
    {
        var fields = entity.Fields.Select(FieldModel).ToList();
        var plural = Naming.Plural(Naming.Pascal(entity.Name));
        var operations = entity.Operations ?? AllOperations;
        var audited = spellsOn.Contains(SpellNames.AuditLog) ? entity.Audited ?? ["create", "update", "delete"] : [];
        var cached = spellsOn.Contains(SpellNames.CacheAside) && (entity.Cached ?? true);
        return Names(entity.Name)
            .With("route", entity.Route ?? "/" + Naming.Kebab(plural))
            .With("ops", AllOperations.ToDictionary(o => o, o => (object?)operations.Contains(o, StringComparer.Ordinal), StringComparer.Ordinal))
            .With("has_operations", operations.Count > 0)
            .With("has_item_operations", operations.Any(o => o is "get" or "update" or "delete"))
            .With("cached", cached)
            .With("audit", AllOperations.ToDictionary(o => o, o => (object?)audited.Contains(o, StringComparer.Ordinal), StringComparer.Ordinal))
            .With("audited", audited.Count > 0)
            .With("plural_pascal_name", plural)
            .With("plural_camel_name", Naming.Camel(plural))
            .With("plural_kebab_name", Naming.Kebab(plural))
            .With("fields", fields.ToList<object?>())
            .With("key", fields.Single(f => (bool)f["key"]!))
            .With("value_fields", fields.Where(f => !(bool)f["key"]!).ToList<object?>())
            .With("can_sample", fields.All(f => f["csharp_sample"] is not null))
            .With("rejects_empty", entity.Fields.Any(f => f.Required && !f.Key) || entity.Fields.Any(f => f.Key && f.Type == "string"));
    }

    private static Dictionary<string, object?> FieldModel(CodegenField field)
    {
        var csharp = FieldTypes.ToCSharp(field.Type)!;
        var numeric = FieldTypes.IsNumeric(field.Type);
        return Names(field.Name)
            .With("type", field.Type)
            .With("csharp_type", csharp)
            .With("key", field.Key)
            .With("required", field.Required || field.Key)
            .With("is_string", field.Type == "string")
            .With("is_numeric", numeric)
            .With("min_length", field.MinLength)
            .With("max_length", field.MaxLength)
            .With("min", field.Min is { } min && numeric ? FieldTypes.NumberLiteral(field.Type, min) : null)
            .With("max", field.Max is { } max && numeric ? FieldTypes.NumberLiteral(field.Type, max) : null)
            .With("pattern", field.Pattern)
            .With("example", field.Example)
            .With("is_guid", field.Type == "guid")
            .With("is_enum", field.Type == "enum")
            .With("values", (field.Values ?? []).ToList<object?>())
            .With("is_integer", field.Type is "int" or "long")
            .With("csharp_sample", FieldSamples.CSharp(field))
            .With("has_rules", field.Required || field.MinLength is not null || field.MaxLength is not null || field.Min is not null || field.Max is not null || field.Pattern is not null);
    }

    private static Dictionary<string, object?> CallModel(CodegenHttpCall call) => Names(call.Name)
        .With("mode", call.Mode)
        .With("is_series", call.Mode == "series")
        .With("is_parallel", call.Mode == "parallel")
        .With("timeout_seconds", call.TimeoutSeconds)
        .With("protected", call.Protected)
        .With("parameters", Parameters(string.Concat(call.Requests.Select(r => r.Url))).ToList<object?>())
        .With("requests", call.Requests.Select(r => Names(r.Name).With("method", r.Method).With("url", r.Url)).ToList<object?>());

    private static Dictionary<string, object?> EndpointModel(CodegenEndpoint endpoint) => Names(endpoint.Name)
        .With("method", endpoint.Method)
        .With("route", endpoint.Route)
        .With("sample_route", RouteParameter().Replace(endpoint.Route, "1"))
        .With("description", endpoint.Description)
        .With("calls", endpoint.Calls is null ? null : Names(endpoint.Calls));

    private static IEnumerable<string> Parameters(string text) =>
        RouteParameter().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();

    private static Dictionary<string, object?> Names(string name) => new(StringComparer.Ordinal)
    {
        ["name"] = name,
        ["pascal_name"] = Naming.Pascal(name),
        ["camel_name"] = Naming.Camel(name),
        ["kebab_name"] = Naming.Kebab(name),
        ["snake_name"] = Naming.Snake(name),
    };

    private static SortedDictionary<string, object?> SortedSettings(IReadOnlyDictionary<string, string> settings) =>
        new(settings.ToDictionary(kv => kv.Key, kv => (object?)kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    private static Dictionary<string, object?> With(this Dictionary<string, object?> map, string key, object? value)
    {
        map[key] = value;
        return map;
    }
}
