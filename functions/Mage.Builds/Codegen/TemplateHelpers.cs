using System.Globalization;
using System.Text;
using HandlebarsDotNet;
using Mage.Builds.Codegen.Model;

namespace Mage.Builds.Codegen;

/// <summary>
/// Creates the Handlebars environment packs render with: no HTML escaping (packs write code),
/// strict data (a misspelt name is an error, not an empty string) and the helpers listed in
/// docs/template-packs.md. A new environment per pack, so one pack's partials never leak into another.
/// </summary>
public static class TemplateHelpers
{
    /// <summary>A fresh environment with the helpers registered.</summary>
    public static IHandlebars CreateEnvironment()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            NoEscape = true,
            ThrowOnUnresolvedBindingExpression = true,
            FormatProvider = CultureInfo.InvariantCulture,
        });

        Text(handlebars, "pascal", Naming.Pascal);
        Text(handlebars, "camel", Naming.Camel);
        Text(handlebars, "kebab", Naming.Kebab);
        Text(handlebars, "snake", Naming.Snake);
        Text(handlebars, "plural", Naming.Plural);
        Text(handlebars, "lower", s => s.ToLowerInvariant());
        Text(handlebars, "upper", s => s.ToUpperInvariant());
        Text(handlebars, "toCSharpType", t => FieldTypes.ToCSharp(t) ?? throw new HandlebarsRuntimeException($"toCSharpType: unknown field type {t}; known: {string.Join(", ", FieldTypes.All)}"));
        Text(handlebars, "csharpString", CSharpString);
        Text(handlebars, "braced", s => "{" + s + "}");
        handlebars.RegisterHelper("csharp", (_, args) => args.Length == 1 ? CSharpLiteral(args[0]) : throw new HandlebarsRuntimeException("csharp takes one argument"));
        handlebars.RegisterHelper("jsonString", (_, args) => args.Length == 1
            ? System.Text.Json.JsonSerializer.Serialize(Convert.ToString(args[0], CultureInfo.InvariantCulture) ?? string.Empty)
            : throw new HandlebarsRuntimeException("jsonString takes one argument"));
        handlebars.RegisterHelper("concat", (_, args) => string.Concat(args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture))));
        handlebars.RegisterHelper("eq", (_, args) => args.Length == 2 && Equals(Normalize(args[0]), Normalize(args[1])));
        handlebars.RegisterHelper("ne", (_, args) => !(args.Length == 2 && Equals(Normalize(args[0]), Normalize(args[1]))));
        handlebars.RegisterHelper("not", (_, args) => args.Length == 1 && !Truthy(args[0]));
        handlebars.RegisterHelper("and", (_, args) => args.Length > 0 && args.All(Truthy));
        handlebars.RegisterHelper("or", (_, args) => args.Any(Truthy));
        return handlebars;
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
        int or long or decimal or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => CSharpString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static void Text(IHandlebars handlebars, string name, Func<string, string> convert) =>
        handlebars.RegisterHelper(name, (_, args) =>
        {
            if (args.Length != 1)
            {
                throw new HandlebarsRuntimeException($"{name} takes one argument, got {args.Length}");
            }

            return convert(Convert.ToString(args[0], CultureInfo.InvariantCulture) ?? string.Empty);
        });

    private static object? Normalize(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        int or long or short or byte or decimal or double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };
}
