using System.Text.RegularExpressions;
using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>Checks of one entity: one usable key, limits that fit each field's type, enum values, references that resolve.</summary>
internal static class EntityChecks
{
    private static readonly FieldType[] KeyTypes = [FieldType.Int, FieldType.Long, FieldType.Guid, FieldType.String];

    public static void Check(EntityModel entity, IReadOnlyList<string> entities, ConfigurationParse parsed, LintSink sink)
    {
        var fieldsPath = $"model.{entity.Name}.fields";
        var keys = entity.Fields.Where(f => f.IsKey).ToList();
        if (keys.Count == 0 && entity.Fields.Count > 0 && !parsed.Diagnostics.Any(d => d.Path.StartsWith(fieldsPath, StringComparison.Ordinal)))
        {
            sink.Error(fieldsPath, $"entity {entity.Name} has no key; mark one field with key: true, e.g. id: {{ type: guid, key: true }}");
        }

        foreach (var extra in keys.Skip(1))
        {
            sink.Error($"{fieldsPath}.{extra.Name}.key", $"entity {entity.Name} has more than one key ({keys[0].Name} and {extra.Name}); composite keys are not supported, keep key: true on one field");
        }

        if (keys.Count > 0 && !KeyTypes.Contains(keys[0].Type))
        {
            sink.Error($"{fieldsPath}.{keys[0].Name}.type", $"key {keys[0].Name} of {entity.Name} is {Name(keys[0].Type)}; a key must be guid, int, long or string");
        }

        foreach (var field in entity.Fields)
        {
            CheckField(entity, field, $"{fieldsPath}.{field.Name}", entities, sink);
        }
    }

    private static void CheckField(EntityModel entity, FieldModel field, string path, IReadOnlyList<string> entities, LintSink sink)
    {
        var type = Name(field.Type);
        var isText = field.Type == FieldType.String;
        var isNumber = field.Type is FieldType.Int or FieldType.Long or FieldType.Decimal;
        void NotFor(string option, bool given, string appliesTo)
        {
            if (given)
            {
                sink.Error($"{path}.{option}", $"{option} applies to {appliesTo} fields; {field.Name} is {type}");
            }
        }

        NotFor("minLength", field.MinLength is not null && !isText, "string");
        NotFor("maxLength", field.MaxLength is not null && !isText, "string");
        NotFor("pattern", field.Pattern is not null && !isText, "string");
        NotFor("min", field.Min is not null && !isNumber, "int, long and decimal");
        NotFor("max", field.Max is not null && !isNumber, "int, long and decimal");
        NotFor("values", field.Values.Count > 0 && field.Type != FieldType.Enum, "enum");
        NotFor("entity", field.Entity is not null && field.Type != FieldType.Reference, "reference");

        if (field.MinLength > field.MaxLength)
        {
            sink.Error($"{path}.minLength", $"minLength {field.MinLength} is larger than maxLength {field.MaxLength}");
        }

        if (field.Min > field.Max)
        {
            sink.Error($"{path}.min", $"min {field.Min} is larger than max {field.Max}");
        }

        CheckRange(field, path, "min", field.Min, sink);
        CheckRange(field, path, "max", field.Max, sink);
        if (isText && field.Pattern is { } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                sink.Error($"{path}.pattern", $"pattern is not a valid regular expression: {ex.Message}");
            }
        }

        if (field.Type == FieldType.Enum && field.Values.Count == 0)
        {
            sink.Error($"{path}.type", $"enum field {field.Name} needs values, e.g. values: [active, blocked]");
        }

        if (field.Type == FieldType.Reference)
        {
            if (field.Entity is null)
            {
                sink.Error($"{path}.type", $"reference field {field.Name} needs entity: the name of the entity it refers to (one of {string.Join(", ", entities)})");
            }
            else if (!entities.Contains(field.Entity))
            {
                sink.Error($"{path}.entity", $"field {field.Name} refers to entity \"{field.Entity}\", which is not in the model{Suggestions.DidYouMean(field.Entity, entities)}");
            }
        }

        if (field.IsKey && field.Type == FieldType.Reference && field.Entity == entity.Name)
        {
            sink.Error($"{path}.entity", $"key {field.Name} of {entity.Name} refers to {entity.Name} itself");
        }
    }

    private static void CheckRange(FieldModel field, string path, string option, decimal? value, LintSink sink)
    {
        var (low, high) = field.Type switch
        {
            FieldType.Int => ((decimal)int.MinValue, (decimal)int.MaxValue),
            FieldType.Long => (long.MinValue, long.MaxValue),
            _ => (decimal.MinValue, decimal.MaxValue),
        };
        if (value is { } v && field.Type is FieldType.Int or FieldType.Long && (v < low || v > high || decimal.Truncate(v) != v))
        {
            sink.Error($"{path}.{option}", $"{option} {v} is not a whole number that fits {Name(field.Type)} ({low} to {high})");
        }
    }

    /// <summary>The type as written in the configuration.</summary>
    internal static string Name(FieldType type) => ConfigurationKeys.FieldTypes[(int)type];
}
