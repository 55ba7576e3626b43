namespace Mage.Builds.Codegen.Model;

/// <summary>
/// Turns a <see cref="CodegenService"/> into the data templates see: nested dictionaries and lists
/// with every naming variant precomputed (docs/template-packs.md lists the keys). Pure and
/// deterministic: lists keep configuration order, settings are sorted, numbers are formatted
/// with the invariant culture.
/// </summary>
public static class TemplateModel
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

        var spellFlags = SpellNames.All.ToDictionary(Naming.Camel, _ => (object?)false, StringComparer.Ordinal);
        foreach (var spell in service.Spells)
        {
            spellFlags[Naming.Camel(spell.Name)] = true;
        }

        var downstreams = service.Downstreams.Select(d => Names(d.Name).With("baseUrl", d.BaseUrl)).ToList<object?>();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["service"] = Names(service.Name).With("description", service.Description),
            ["entities"] = service.Entities.Select(EntityModel).ToList<object?>(),
            ["spells"] = spellFlags,
            ["spellList"] = service.Spells.Select(s => Names(s.Name).With("settings", SortedSettings(s.Settings))).ToList<object?>(),
            ["spellSettings"] = service.Spells.ToDictionary(s => Naming.Camel(s.Name), s => (object?)SortedSettings(s.Settings), StringComparer.Ordinal),
            ["downstreams"] = downstreams,
            ["hasDownstreams"] = downstreams.Count > 0,
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

    private static Dictionary<string, object?> EntityModel(CodegenEntity entity)
    {
        var fields = entity.Fields.Select(FieldModel).ToList();
        var plural = Naming.Plural(Naming.Pascal(entity.Name));
        return Names(entity.Name)
            .With("pluralPascalName", plural)
            .With("pluralCamelName", Naming.Camel(plural))
            .With("pluralKebabName", Naming.Kebab(plural))
            .With("fields", fields.ToList<object?>())
            .With("key", fields.Single(f => (bool)f["key"]!))
            .With("valueFields", fields.Where(f => !(bool)f["key"]!).ToList<object?>())
            .With("canSample", fields.All(f => f["csharpSample"] is not null))
            .With("rejectsEmpty", entity.Fields.Any(f => f.Required && !f.Key) || entity.Fields.Any(f => f.Key && f.Type == "string"));
    }

    private static Dictionary<string, object?> FieldModel(CodegenField field)
    {
        var csharp = FieldTypes.ToCSharp(field.Type)!;
        var numeric = FieldTypes.IsNumeric(field.Type);
        return Names(field.Name)
            .With("type", field.Type)
            .With("csharpType", csharp)
            .With("key", field.Key)
            .With("required", field.Required || field.Key)
            .With("isString", field.Type == "string")
            .With("isNumeric", numeric)
            .With("minLength", field.MinLength)
            .With("maxLength", field.MaxLength)
            .With("min", field.Min is { } min && numeric ? FieldTypes.NumberLiteral(field.Type, min) : null)
            .With("max", field.Max is { } max && numeric ? FieldTypes.NumberLiteral(field.Type, max) : null)
            .With("pattern", field.Pattern)
            .With("example", field.Example)
            .With("isGuid", field.Type == "guid")
            .With("isInteger", field.Type is "int" or "long")
            .With("csharpSample", FieldSamples.CSharp(field))
            .With("hasRules", field.Required || field.MinLength is not null || field.MaxLength is not null || field.Min is not null || field.Max is not null || field.Pattern is not null);
    }

    private static Dictionary<string, object?> Names(string name) => new(StringComparer.Ordinal)
    {
        ["name"] = name,
        ["pascalName"] = Naming.Pascal(name),
        ["camelName"] = Naming.Camel(name),
        ["kebabName"] = Naming.Kebab(name),
        ["snakeName"] = Naming.Snake(name),
    };

    private static SortedDictionary<string, object?> SortedSettings(IReadOnlyDictionary<string, string> settings) =>
        new(settings.ToDictionary(kv => kv.Key, kv => (object?)kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    private static Dictionary<string, object?> With(this Dictionary<string, object?> map, string key, object? value)
    {
        map[key] = value;
        return map;
    }
}
