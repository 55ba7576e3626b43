using Azure;
using Mage.Storage;

namespace Mage.Storage.Tests;

/// <summary>Which storage failures a caller may wait out.</summary>
public sealed class StorageFailuresTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void IsTransient_BusyOrUnreachable_True(int status) =>
        Assert.True(StorageFailures.IsTransient(new RequestFailedException(status, "busy")));

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    public void IsTransient_Refused_False(int status) =>
        Assert.False(StorageFailures.IsTransient(new RequestFailedException(status, "refused")));

    [Fact]
    public void IsTransient_NetworkTimeoutOrEveryRetryWithoutAnAnswer_True()
    {
        Assert.True(StorageFailures.IsTransient(new TaskCanceledException("network timeout", new TimeoutException())));
        Assert.True(StorageFailures.IsTransient(new AggregateException(new HttpRequestException("reset"), new RequestFailedException(503, "busy"))));
    }

    [Fact]
    public void IsTransient_CallerCancelledOrNotAStorageFailure_False()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(StorageFailures.IsTransient(new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.False(StorageFailures.IsTransient(new InvalidOperationException("a bug")));
        Assert.False(StorageFailures.IsTransient(new AggregateException(new RequestFailedException(503, "busy"), new RequestFailedException(403, "refused"))));
    }
}
