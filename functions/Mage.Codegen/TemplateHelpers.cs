using System.Globalization;
using System.Text;
using Mage.Codegen.Model;
using Scriban.Runtime;

namespace Mage.Codegen;

/// <summary>
/// The functions packs call besides Scriban's built-ins (docs/template-packs.md): naming, C# types
/// and literals, JSON strings. Pure functions of their arguments: they reach no file, clock or
/// .NET object, so they add nothing to what a template can touch.
/// </summary>
public static class TemplateHelpers
{
    /// <summary>Every helper's name, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["braced", "camel", "csharp", "csharp_string", "json_string", "kebab", "lower", "pascal", "plural", "snake", "to_csharp_type", "upper"];

    /// <summary>Adds the helpers to <paramref name="globals"/>, read-only, so a template cannot replace one.</summary>
    public static void AddTo(ScriptObject globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        Add(globals, "pascal", new Func<string, string>(Naming.Pascal));
        Add(globals, "camel", new Func<string, string>(Naming.Camel));
        Add(globals, "kebab", new Func<string, string>(Naming.Kebab));
        Add(globals, "snake", new Func<string, string>(Naming.Snake));
        Add(globals, "plural", new Func<string, string>(Naming.Plural));
        Add(globals, "lower", new Func<string, string>(s => s.ToLowerInvariant()));
        Add(globals, "upper", new Func<string, string>(s => s.ToUpperInvariant()));
        Add(globals, "to_csharp_type", new Func<string, string>(t => FieldTypes.ToCSharp(t)
            ?? throw new ArgumentException($"to_csharp_type: unknown field type {t}; known: {string.Join(", ", FieldTypes.All)}")));
        Add(globals, "csharp_string", new Func<string, string>(CSharpString));
        Add(globals, "csharp", new Func<object?, string>(CSharpLiteral));
        Add(globals, "json_string", new Func<string, string>(s => System.Text.Json.JsonSerializer.Serialize(s)));
        Add(globals, "braced", new Func<string, string>(s => "{" + s + "}"));
    }

    /// <summary>A C# regular string literal of <paramref name="value"/>, quotes included, every special character escaped.</summary>
    public static string CSharpString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder("\"", value.Length + 2);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) || char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A C# literal of a model value: <c>null</c>, <c>true</c>/<c>false</c>, a number, or a quoted string.</summary>
    public static string CSharpLiteral(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => CSharpString(s),
        int or long or decimal or double or float or System.Numerics.BigInteger => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => CSharpString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static void Add(ScriptObject globals, string name, Delegate function)
    {
        globals.Import(name, function);
        globals.SetReadOnly(name, true);
    }
}
