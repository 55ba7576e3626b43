using System.Text.RegularExpressions;

namespace Mage.Codegen.Configuration;

/// <summary>Routes of endpoints: <c>/segment/{parameter}/…</c>. Pure.</summary>
internal static partial class RouteSyntax
{
    /// <summary>Why <paramref name="route"/> is not a route, or null.</summary>
    public static string? Problem(string route)
    {
        if (!route.StartsWith('/'))
        {
            return "must start with \"/\", e.g. /reports/daily";
        }

        if (route.Length > 1 && route.EndsWith('/'))
        {
            return "must not end with \"/\"";
        }

        if (!Route().IsMatch(route))
        {
            return "may hold only segments of letters, digits, '-', '_', '.' and {parameter} placeholders, separated by single '/'";
        }

        var parameters = Parameters(route);
        return parameters.Count != parameters.Distinct(StringComparer.Ordinal).Count() ? "names a parameter twice" : null;
    }

    /// <summary>The <c>{name}</c> placeholders of a route or URL, in order.</summary>
    public static IReadOnlyList<string> Parameters(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The route with every parameter replaced by <c>{}</c>, so that two routes differing only in parameter names compare equal.</summary>
    public static string Shape(string route) => Placeholder().Replace(route, "{}").ToLowerInvariant();

    [GeneratedRegex(@"\A(/|(/([A-Za-z0-9._-]+|\{[a-z][A-Za-z0-9]*\}))+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Route();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
