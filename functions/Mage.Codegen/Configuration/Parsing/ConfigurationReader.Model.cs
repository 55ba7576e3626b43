using Mage.Manifests;

namespace Mage.Codegen.Configuration;

/// <summary>The data model: <c>model: { Entity: { description, fields: { name: type | { type, … } } } }</c>.</summary>
internal sealed partial class ConfigurationReader
{
    private List<EntityModel> ReadModel(ManifestNode? node)
    {
        var entities = new List<EntityModel>();
        if (Mapping(node, "model", "entity names to entities, e.g. Customer: { fields: { id: { type: guid, key: true } } }") is not { } map)
        {
            return entities;
        }

        var byName = Fields(map, "model", known: null, "entity");
        if (byName.Count > limits.MaxEntities)
        {
            Error("model", map.Position, $"model has {byName.Count} entities; the limit is {limits.MaxEntities}");
            return entities;
        }

        foreach (var (name, value) in byName)
        {
            var path = Join("model", name);
            if (!IsName(name, path, IdentifierSyntax.IsPascalCase(name), "an entity name", "PascalCase, e.g. Customer or OrderLine"))
            {
                continue;
            }

            if (value is ManifestScalar { IsNull: true })
            {
                Error(path, $"entity {name} is empty; give it fields, e.g. fields: {{ id: {{ type: guid, key: true }} }}");
                continue;
            }

            if (Mapping(value, path, "description and fields") is { } entity)
            {
                entities.Add(ReadEntity(name, path, entity));
            }
        }

        return entities;
    }

    private EntityModel ReadEntity(string name, string path, ManifestMapping map)
    {
        var fields = Fields(map, path, ConfigurationKeys.Entity, "entity key");
        var list = new List<FieldModel>();
        var fieldsPath = Join(path, "fields");
        var node = Get(fields, "fields");
        if (node is null)
        {
            Error(fieldsPath, map.Position, $"entity {name} has no fields; add fields: {{ id: {{ type: guid, key: true }}, … }}");
        }
        else if (Mapping(node, fieldsPath, "field names to types, e.g. email: string") is { } fieldMap)
        {
            var byName = Fields(fieldMap, fieldsPath, known: null, "field");
            if (byName.Count > limits.MaxFieldsPerEntity)
            {
                Error(fieldsPath, fieldMap.Position, $"entity {name} has {byName.Count} fields; the limit is {limits.MaxFieldsPerEntity}");
            }
            else
            {
                foreach (var (fieldName, value) in byName)
                {
                    var fieldPath = Join(fieldsPath, fieldName);
                    if (IsName(fieldName, fieldPath, IdentifierSyntax.IsCamelCase(fieldName), "a field name", "camelCase, e.g. email or createdAt")
                        && ReadField(fieldName, fieldPath, value) is { } field)
                    {
                        list.Add(field);
                    }
                }
            }
        }

        return new EntityModel(name, String(fields, path, "description"), list);
    }

    private FieldModel? ReadField(string name, string path, ManifestNode node)
    {
        switch (node)
        {
            case ManifestScalar { IsNull: true }:
                Error(path, $"field {name} has no type; write e.g. {name}: string");
                return null;
            case ManifestScalar { Value: var shorthand }:
                // "email: string" is short for "email: { type: string }".
                var type = ReadType(shorthand, path);
                return type is null ? null : new FieldModel(name, type.Value, false, false, null, null, null, null, null, null, [], null);
            case ManifestMapping map:
                return ReadFieldMapping(name, path, map);
            default:
                Error(path, node.Position, $"field {name} must be a type (e.g. string) or a mapping with type, not a {node.KindName}");
                return null;
        }
    }

    private FieldModel? ReadFieldMapping(string name, string path, ManifestMapping map)
    {
        var fields = Fields(map, path, ConfigurationKeys.Field, "field key");
        var typeText = String(fields, path, "type");
        if (typeText is null)
        {
            Error(Join(path, "type"), map.Position, $"field {name} has no type; add type: string (or {string.Join(", ", ConfigurationKeys.FieldTypes.Skip(1))})");
            return null;
        }

        var type = ReadType(typeText, Join(path, "type"));
        var isKey = Bool(fields, path, "key") ?? false;
        var required = Bool(fields, path, "required");
        if (isKey && required == false)
        {
            Error(Join(path, "required"), $"field {name} is the key, so it is always required; remove required: false");
        }

        var values = StringList(fields, path, "values");
        var enumValues = new List<string>();
        if (values is not null)
        {
            if (values.Count > limits.MaxEnumValues)
            {
                Error(Join(path, "values"), $"field {name} has {values.Count} values; the limit is {limits.MaxEnumValues}");
            }
            else
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (itemPath, position, text) in values)
                {
                    if (!IsName(text, itemPath, IdentifierSyntax.IsEnumValue(text), "an enum value", "letters, digits and '_', starting with a letter"))
                    {
                        continue;
                    }

                    if (!seen.Add(text))
                    {
                        Error(itemPath, position, $"enum value \"{text}\" is listed twice (values are compared ignoring case)");
                        continue;
                    }

                    enumValues.Add(text);
                }
            }
        }

        var minLength = Int(fields, path, "minLength", 0, int.MaxValue);
        var maxLength = Int(fields, path, "maxLength", 1, int.MaxValue);
        var min = Decimal(fields, path, "min");
        var max = Decimal(fields, path, "max");
        var pattern = String(fields, path, "pattern");
        var entity = String(fields, path, "entity");
        var description = String(fields, path, "description");
        return type is null
            ? null
            : new FieldModel(name, type.Value, isKey, isKey || required == true, description, minLength, maxLength, pattern, min, max, enumValues, entity);
    }

    private FieldType? ReadType(string text, string path)
    {
        var index = IndexIn(ConfigurationKeys.FieldTypes, text);
        if (index >= 0)
        {
            return (FieldType)index;
        }

        var hint = IdentifierSyntax.IsPascalCase(text)
            ? $"; to refer to entity {text}, write type: reference and entity: {text}"
            : Suggestions.DidYouMean(text, ConfigurationKeys.FieldTypes);
        Error(path, $"unknown type \"{Shorten(text)}\"{hint} (types: {string.Join(", ", ConfigurationKeys.FieldTypes)})");
        return null;
    }

    /// <summary>Checks a name's length and form; reports and returns false when it is unusable.</summary>
    private bool IsName(string name, string path, bool wellFormed, string what, string rule)
    {
        if (name.Length > limits.MaxNameLength)
        {
            KeyError(path, $"{what} is {name.Length} characters long; the limit is {limits.MaxNameLength}");
            return false;
        }

        if (!wellFormed)
        {
            KeyError(path, $"\"{Shorten(name)}\" is not valid as {what}: use {rule} (names become identifiers in the generated code)");
            return false;
        }

        return true;
    }
}
