namespace Mage.Webhooks;

/// <summary>
/// When to try a failed delivery again: Standard Webhooks' example schedule (immediately, 5 s, 5 min,
/// 30 min, 2 h, 5 h, 10 h, 10 h; eight attempts over about 27.5 hours), each wait stretched or shrunk
/// by up to 10 % at random so that receivers recovering from an outage are not hit by every
/// sender at once. A <c>Retry-After</c> from the receiver lengthens a wait, never shortens it.
/// Thread-safe.
/// </summary>
public static class WebhookRetrySchedule
{
    /// <summary>Jitter as a fraction of the wait, either way.</summary>
    public const double Jitter = 0.1;

    /// <summary>Longest <c>Retry-After</c> honoured; beyond it the receiver's wish is capped.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(24);

    /// <summary>Wait before attempt n + 1 (index n); the first attempt is immediate. Its length is the number of attempts.</summary>
    public static IReadOnlyList<TimeSpan> Delays { get; } =
    [
        TimeSpan.Zero,
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(10),
    ];

    /// <summary>Attempts before a delivery is given up.</summary>
    public static int MaxAttempts => Delays.Count;

    /// <summary>
    /// When the attempt after <paramref name="attemptsMade"/> failed attempts is due, or null when
    /// none is left. <paramref name="random"/> is a number in [0, 1).
    /// </summary>
    public static DateTimeOffset? NextAttempt(int attemptsMade, DateTimeOffset now, TimeSpan? retryAfter, double random)
    {
        if (attemptsMade >= MaxAttempts)
        {
            return null;
        }

        var wait = Delays[attemptsMade] * (1 + (Jitter * ((2 * random) - 1)));
        if (retryAfter is { } asked && asked > wait)
        {
            wait = asked < MaxRetryAfter ? asked : MaxRetryAfter;
        }

        return now + wait;
    }
}
