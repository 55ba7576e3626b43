namespace Mage.Durable.Tests.Orchestrations;

public sealed record RetryInput(
    int FailTimes,
    int MaxAttempts,
    TimeSpan FirstInterval,
    double Backoff,
    TimeSpan? MaxInterval = null,
    TimeSpan? Timeout = null);
