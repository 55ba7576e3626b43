namespace Mage.Durable.Tests.Unit;

public sealed class RetryPolicyTests
{
    [Fact]
    public void GetNextDelay_GrowsByCoefficient_UpToMaxInterval_AndStopsAtMaxAttempts()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1), 3, TimeSpan.FromSeconds(20));

        TimeSpan?[] delays = [.. Enumerable.Range(1, 5).Select(a => policy.GetNextDelay(a, TimeSpan.Zero))];

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(20), null], delays);
    }

    [Fact]
    public void GetNextDelay_BeyondRetryTimeout_GivesUp()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(10), retryTimeout: TimeSpan.FromSeconds(25));

        Assert.Equal(TimeSpan.FromSeconds(10), policy.GetNextDelay(1, TimeSpan.FromSeconds(15)));
        Assert.Null(policy.GetNextDelay(2, TimeSpan.FromSeconds(16)));
    }

    [Fact]
    public void Defaults_MatchDurableTask()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(5));

        Assert.Equal(1, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromHours(1), policy.MaxRetryInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, policy.RetryTimeout);
    }

    [Fact]
    public void Constructor_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(1, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(1, TimeSpan.FromSeconds(1), 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(1, TimeSpan.FromSeconds(2), 1, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(1, TimeSpan.FromSeconds(2), 1, null, TimeSpan.FromSeconds(1)));
    }
}
