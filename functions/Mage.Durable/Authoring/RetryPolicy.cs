namespace Mage.Durable;

/// <summary>
/// Declarative retry for an activity call. Every retry waits on a durable timer, so the
/// back-off survives worker restarts and appears in history. Immutable and thread-safe.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Creates a policy; invalid values throw <see cref="ArgumentOutOfRangeException"/>.</summary>
    /// <param name="maxNumberOfAttempts">Total attempts including the first; at least 1.</param>
    /// <param name="firstRetryInterval">Delay before the first retry; greater than zero.</param>
    /// <param name="backoffCoefficient">Multiplier applied per retry; at least 1.</param>
    /// <param name="maxRetryInterval">Cap for a single delay; default one hour.</param>
    /// <param name="retryTimeout">Overall budget measured from the first attempt; default infinite.</param>
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        TimeSpan max = maxRetryInterval ?? TimeSpan.FromHours(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, firstRetryInterval, nameof(maxRetryInterval));
        TimeSpan timeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(timeout, firstRetryInterval, nameof(retryTimeout));
        }

        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = max;
        RetryTimeout = timeout;
    }

    /// <summary>Total attempts including the first.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>Delay before the first retry.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>Multiplier applied to the delay after each retry.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>Upper bound of a single delay.</summary>
    public TimeSpan MaxRetryInterval { get; }

    /// <summary>Overall budget from the first attempt, or <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>
    /// Delay before the next attempt after <paramref name="failedAttempt"/> (1-based) failed, or null to give up.
    /// Pure function of its inputs so replay computes the same value.
    /// </summary>
    /// <param name="failedAttempt">The attempt number that just failed.</param>
    /// <param name="elapsed">Orchestration time elapsed since the first attempt started.</param>
    public TimeSpan? GetNextDelay(int failedAttempt, TimeSpan elapsed)
    {
        if (failedAttempt >= MaxNumberOfAttempts)
        {
            return null;
        }

        double ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, failedAttempt - 1);
        TimeSpan delay = ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
        if (RetryTimeout != Timeout.InfiniteTimeSpan && elapsed + delay > RetryTimeout)
        {
            return null;
        }

        return delay;
    }
}
