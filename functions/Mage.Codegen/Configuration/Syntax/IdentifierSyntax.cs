using System.Text.RegularExpressions;

namespace Mage.Codegen.Configuration;

/// <summary>
/// Names in a configuration become identifiers in generated code, so they are restricted to
/// what every target language accepts. Pure.
/// </summary>
internal static partial class IdentifierSyntax
{
    /// <summary>Entities: PascalCase (<c>Customer</c>, <c>OrderLine</c>).</summary>
    public static bool IsPascalCase(string name) => Pascal().IsMatch(name);

    /// <summary>Fields, endpoints, calls, requests: camelCase (<c>email</c>, <c>createdAt</c>).</summary>
    public static bool IsCamelCase(string name) => Camel().IsMatch(name);

    /// <summary>Enum values: letters, digits and underscores, starting with a letter.</summary>
    public static bool IsEnumValue(string name) => EnumValue().IsMatch(name);

    /// <summary>The PascalCase form of a camelCase name (<c>email</c> → <c>Email</c>).</summary>
    public static string ToPascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>The camelCase form of a name (<c>Customer</c> → <c>customer</c>).</summary>
    public static string ToCamel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The default route of an entity: kebab case, pluralised (<c>OrderLine</c> → <c>/order-lines</c>, <c>Category</c> → <c>/categories</c>).</summary>
    public static string DefaultRoute(string entity)
    {
        var kebab = Boundary().Replace(entity, "-$1").ToLowerInvariant();
        return "/" + Plural(kebab);
    }

    private static string Plural(string word)
    {
        if (word.EndsWith('y') && word.Length > 1 && !"aeiou".Contains(word[^2], StringComparison.Ordinal))
        {
            return word[..^1] + "ies";
        }

        return word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal)
            ? word + "es"
            : word + "s";
    }

    [GeneratedRegex(@"\A[A-Z][A-Za-z0-9]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pascal();

    [GeneratedRegex(@"\A[a-z][A-Za-z0-9]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Camel();

    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex EnumValue();

    [GeneratedRegex(@"(?<=[a-z0-9])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();
}
