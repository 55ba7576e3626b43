namespace Mage.Webhooks;

/// <summary>Event types a subscription may ask for, and how a filter matches them. Pure; thread-safe.</summary>
public static class WebhookEventTypes
{
    /// <summary>A build moved from one status to another.</summary>
    public const string BuildStatusChanged = "build.status_changed";

    /// <summary>Every event type, now and later.</summary>
    public const string All = "*";

    /// <summary>The values a subscription's <c>events</c> may hold.</summary>
    public static IReadOnlyList<string> Known { get; } = [BuildStatusChanged, All];

    /// <summary>True when a subscription with <paramref name="filter"/> receives events of <paramref name="type"/>.</summary>
    public static bool Matches(IEnumerable<string> filter, string type) =>
        filter.Any(f => f == All || string.Equals(f, type, StringComparison.Ordinal));
}
