namespace Mage.Builds.Tests.Activities;

/// <summary>
/// The system clock set off by <see cref="Offset"/>, as a worker's clock can be: wall-clock time
/// shifts, timers and delays run as usual.
/// </summary>
internal sealed class SkewedClock(TimeSpan offset) : TimeProvider
{
    /// <summary>How far this clock is ahead (negative: behind).</summary>
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
