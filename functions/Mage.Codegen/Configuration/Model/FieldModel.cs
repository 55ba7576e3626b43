namespace Mage.Codegen.Configuration;

/// <summary>One field of an entity, with its limits. Limits that do not apply to the type are null.</summary>
/// <param name="Name">camelCase name, unique in the entity (e.g. <c>email</c>).</param>
/// <param name="Type">The field's type.</param>
/// <param name="IsKey">True for the entity's key (always required).</param>
/// <param name="IsRequired">True when a value must be given (the key and <c>required: true</c>).</param>
/// <param name="Description">Free text, or null.</param>
/// <param name="MinLength">Shortest string, or null.</param>
/// <param name="MaxLength">Longest string, or null.</param>
/// <param name="Pattern">.NET regular expression a string must match, or null.</param>
/// <param name="Min">Smallest number, or null.</param>
/// <param name="Max">Largest number, or null.</param>
/// <param name="Values">Allowed values of an enum (identifiers, document order); empty for other types.</param>
/// <param name="Entity">The referenced entity of a <see cref="FieldType.Reference"/>, or null.</param>
public sealed record FieldModel(
    string Name,
    FieldType Type,
    bool IsKey,
    bool IsRequired,
    string? Description,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    decimal? Min,
    decimal? Max,
    IReadOnlyList<string> Values,
    string? Entity);
