using System.Text.RegularExpressions;

namespace Mage.Manifests;

/// <summary>Quotes words for /bin/sh so a URL, ref or directory from a manifest stays one argument.</summary>
internal static partial class ShellQuote
{
    public static string Quote(string word) =>
        Safe().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9_./:@%+=,-]+$")]
    private static partial Regex Safe();
}
