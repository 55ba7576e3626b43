namespace Mage.Storage;

/// <summary>Splits and decodes a URI query string (no System.Web dependency).</summary>
internal static class QueryString
{
    public static IEnumerable<KeyValuePair<string, string>> Parse(string query)
    {
        foreach (string part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? part : part[..eq];
            string value = eq < 0 ? "" : part[(eq + 1)..];
            yield return new(Decode(name), Decode(value));
        }
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
