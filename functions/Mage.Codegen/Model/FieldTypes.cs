namespace Mage.Codegen.Model;

/// <summary>Field types of the data model and the C# type each maps to.</summary>
public static class FieldTypes
{
    private static readonly Dictionary<string, string> CSharp = new(StringComparer.Ordinal)
    {
        ["bool"] = "bool",
        ["date"] = "DateOnly",
        ["datetime"] = "DateTimeOffset",
        ["decimal"] = "decimal",
        ["double"] = "double",
        ["enum"] = "string",
        ["guid"] = "Guid",
        ["int"] = "int",
        ["long"] = "long",
        ["string"] = "string",
    };

    /// <summary>Every type name, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = CSharp.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The C# type of <paramref name="type"/>, or null when the type is unknown.</summary>
    public static string? ToCSharp(string type) => CSharp.GetValueOrDefault(type);

    /// <summary>Whether values of <paramref name="type"/> are numbers (min/max apply).</summary>
    public static bool IsNumeric(string type) => type is "int" or "long" or "decimal" or "double";

    /// <summary>A C# literal of <paramref name="value"/> for a field of <paramref name="type"/> (<c>10m</c>, <c>10L</c>, <c>10.5d</c>).</summary>
    public static string NumberLiteral(string type, decimal value)
    {
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return type switch
        {
            "long" => text + "L",
            "decimal" => text + "m",
            "double" => text + "d",
            _ => text,
        };
    }
}
