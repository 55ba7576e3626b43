using System.Globalization;

namespace Mage.Codegen.Model;

/// <summary>
/// A valid value for a field, as a C# expression, for generated tests. Null when none can be
/// derived: a string with a pattern and no example.
/// </summary>
public static class FieldSamples
{
    /// <summary>The sample expression, or null.</summary>
    public static string? CSharp(CodegenField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Type switch
        {
            "string" => Text(field),
            "int" or "long" or "decimal" or "double" => FieldTypes.NumberLiteral(field.Type, Number(field)),
            "bool" => "true",
            "enum" => field.Values is [var first, ..] ? TemplateHelpers.CSharpString(first) : null,
            "date" => "new DateOnly(2024, 1, 2)",
            "datetime" => "new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)",
            "guid" => "Guid.Parse(\"6f9619ff-8b86-4011-b42d-00c04fc964ff\")",
            _ => null,
        };
    }

    private static string? Text(CodegenField field)
    {
        if (field.Example is { } example)
        {
            return TemplateHelpers.CSharpString(example);
        }

        if (field.Pattern is not null)
        {
            return null;
        }

        var length = Math.Max(field.MinLength ?? 1, 1);
        if (field.MaxLength is { } max)
        {
            length = Math.Min(length, max);
        }

        return TemplateHelpers.CSharpString(new string('a', Math.Max(length, 0)));
    }

    private static decimal Number(CodegenField field)
    {
        var value = 1m;
        if (field.Min is { } min && value < min)
        {
            value = Math.Ceiling(min);
        }

        if (field.Max is { } max && value > max)
        {
            value = field.Type is "int" or "long" ? Math.Floor(max) : max;
        }

        return decimal.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
