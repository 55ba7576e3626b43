using System.Globalization;

namespace Mage.Cli.Output;

/// <summary>Short human durations and sizes for text output (never used in JSON output).</summary>
internal static class Durations
{
    /// <summary>e.g. <c>0.4s</c>, <c>12.0s</c>, <c>3m04s</c>, <c>1h02m</c>.</summary>
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalMinutes < 1
            ? span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
            : span.TotalHours < 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m{span.Seconds:00}s")
                : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m");
    }

    /// <summary>Elapsed time of something that started at <paramref name="startedAt"/>: up to its end, or up to now while it runs; null before it starts.</summary>
    public static string? Elapsed(DateTimeOffset? startedAt, DateTimeOffset? finishedAt) =>
        startedAt is { } start ? Format((finishedAt ?? DateTimeOffset.UtcNow) - start) : null;

    /// <summary>e.g. <c>12 B</c>, <c>3.4 KiB</c>, <c>1.0 MiB</c>.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.0} GiB"),
    };

    /// <summary>An instant as ISO 8601 UTC to the second.</summary>
    public static string Instant(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";
}
