namespace Mage.Codegen.Configuration;

/// <summary>The type of a field, as written in the configuration (<c>type: string</c>, …).</summary>
public enum FieldType
{
    /// <summary><c>string</c>: text; limits <c>minLength</c>, <c>maxLength</c>, <c>pattern</c>.</summary>
    String,

    /// <summary><c>int</c>: 32-bit integer; limits <c>min</c>, <c>max</c>.</summary>
    Int,

    /// <summary><c>long</c>: 64-bit integer; limits <c>min</c>, <c>max</c>.</summary>
    Long,

    /// <summary><c>decimal</c>: exact decimal number; limits <c>min</c>, <c>max</c>.</summary>
    Decimal,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>datetime</c>: an instant, ISO 8601 UTC on the wire.</summary>
    DateTime,

    /// <summary><c>guid</c>: a UUID.</summary>
    Guid,

    /// <summary><c>enum</c>: one of the field's <c>values</c>.</summary>
    Enum,

    /// <summary><c>reference</c>: the key of another entity, named by <c>entity</c>.</summary>
    Reference,
}
