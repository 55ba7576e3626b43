using System.Globalization;
using System.Text.RegularExpressions;

namespace Mage.Manifests;

/// <summary>
/// Reads Mage's <c>timeout</c> values: Go-style durations such as <c>45m</c>, <c>1h30m</c>, <c>90s</c>
/// (the style djinn's own worker <c>timeout</c> setting uses).
/// </summary>
public static partial class DurationSyntax
{
    /// <summary>Parses <paramref name="text"/>; false when it is not a positive <c>NhNmNs</c> duration.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        // Bounded digits (at most 6 per unit) keep the arithmetic far from overflow.
        duration = TimeSpan.FromHours(Group(match, "h")) + TimeSpan.FromMinutes(Group(match, "m")) + TimeSpan.FromSeconds(Group(match, "s"));
        return duration > TimeSpan.Zero;
    }

    /// <summary>Formats a duration the way it is written in a manifest, e.g. <c>1h30m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var text = string.Empty;
        var hours = (long)duration.TotalHours;
        if (hours > 0)
        {
            text += hours.ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (duration.Minutes > 0)
        {
            text += duration.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
        }

        if (duration.Seconds > 0 || text.Length == 0)
        {
            text += duration.Seconds.ToString(CultureInfo.InvariantCulture) + "s";
        }

        return text;
    }

    private static int Group(Match match, string name) =>
        match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,6})s)?$")]
    private static partial Regex Pattern();
}
