using System.Globalization;
using System.Text;

namespace Mage.Codegen;

/// <summary>
/// Name conversions offered to templates. Words are split at <c>-</c>, <c>_</c>, spaces, dots and
/// lower-to-upper case changes (<c>orderLine</c>, <c>order-line</c>, <c>Order_Line</c> → order, line).
/// Culture-invariant and pure, so output is the same on every machine.
/// </summary>
public static class Naming
{
    /// <summary>The words of <paramref name="name"/>, lower case.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            var boundary = current.Length > 0 && char.IsUpper(c) &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary)
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary><c>order line</c> → <c>OrderLine</c>.</summary>
    public static string Pascal(string name) => string.Concat(Words(name).Select(Capitalize));

    /// <summary><c>order line</c> → <c>orderLine</c>.</summary>
    public static string Camel(string name)
    {
        var words = Words(name);
        return words.Count == 0 ? string.Empty : words[0] + string.Concat(words.Skip(1).Select(Capitalize));
    }

    /// <summary><c>OrderLine</c> → <c>order-line</c>.</summary>
    public static string Kebab(string name) => string.Join('-', Words(name));

    /// <summary><c>OrderLine</c> → <c>order_line</c>.</summary>
    public static string Snake(string name) => string.Join('_', Words(name));

    /// <summary>
    /// English plural of the last word, keeping the casing style of the input
    /// (<c>Category</c> → <c>Categories</c>, <c>box</c> → <c>boxes</c>, <c>person</c> → <c>people</c>).
    /// </summary>
    public static string Plural(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return name;
        }

        var lower = name.ToLowerInvariant();
        foreach (var (singular, plural) in Irregular)
        {
            if (lower.EndsWith(singular, StringComparison.Ordinal))
            {
                var stem = name[..^singular.Length];
                var tail = name[^singular.Length..];
                if (stem.Length == 0 || char.IsUpper(tail[0]) || !char.IsLetter(stem[^1]))
                {
                    return stem + MatchCase(tail, plural);
                }
            }
        }

        if (lower.EndsWith('y') && lower.Length > 1 && !"aeiou".Contains(lower[^2], StringComparison.Ordinal))
        {
            return name[..^1] + Suffix(name, "ies");
        }

        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith('z') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
        {
            return name + Suffix(name, "es");
        }

        return name + Suffix(name, "s");
    }

    private static readonly (string Singular, string Plural)[] Irregular =
    [
        ("person", "people"), ("child", "children"), ("man", "men"), ("mouse", "mice"), ("data", "data"), ("series", "series"),
    ];

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>Upper case when <paramref name="sample"/> is all capitals (<c>BOX</c> → <c>BOXES</c>), capitalized when it starts with one.</summary>
    private static string MatchCase(string sample, string text)
    {
        var letters = sample.Where(char.IsLetter).ToArray();
        if (letters.Length > 1 && letters.All(char.IsUpper))
        {
            return text.ToUpper(CultureInfo.InvariantCulture);
        }

        return letters.Length > 0 && char.IsUpper(letters[0]) ? Capitalize(text) : text;
    }

    private static string Suffix(string name, string suffix) =>
        name.Count(char.IsLetter) > 1 && name.Where(char.IsLetter).All(char.IsUpper) ? suffix.ToUpper(CultureInfo.InvariantCulture) : suffix;
}
