using System.Globalization;
using System.Text;

namespace Mage.Builds.Orchestration;

/// <summary>Formats durations the way djinn (Go) prints them: <c>5m0s</c>, <c>1h0m0s</c>, <c>45s</c>, <c>250ms</c>.</summary>
public static class GoDuration
{
    /// <summary>Formats <paramref name="value"/>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        }

        var text = new StringBuilder();
        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}h");
        }

        if (hours > 0 || value.Minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Minutes}m");
        }

        var seconds = value.Seconds + (value.Milliseconds / 1000.0);
        text.Append(seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('s');
        return text.ToString();
    }
}
