using Mage.Webhooks;

namespace Mage.Webhooks.Tests;

public sealed class WebhookRetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Delays_StandardWebhooksSchedule_EightAttempts() =>
        Assert.Equal(
            [0, 5, 300, 1800, 7200, 18000, 36000, 36000],
            WebhookRetrySchedule.Delays.Select(d => d.TotalSeconds));

    [Theory]
    [InlineData(1, 0.0, 4.5)]
    [InlineData(1, 0.5, 5.0)]
    [InlineData(1, 0.9999999, 5.5)]
    [InlineData(4, 0.5, 7200.0)]
    public void NextAttempt_WithJitter_WithinTenPercentOfSchedule(int attemptsMade, double random, double seconds) =>
        Assert.Equal(seconds, (WebhookRetrySchedule.NextAttempt(attemptsMade, Now, null, random)!.Value - Now).TotalSeconds, precision: 3);

    [Fact]
    public void NextAttempt_RetryAfterLonger_Honoured() =>
        Assert.Equal(Now.AddMinutes(10), WebhookRetrySchedule.NextAttempt(1, Now, TimeSpan.FromMinutes(10), 0.5));

    [Fact]
    public void NextAttempt_RetryAfterShorter_ScheduleKept() =>
        Assert.Equal(Now.AddMinutes(30), WebhookRetrySchedule.NextAttempt(3, Now, TimeSpan.FromSeconds(1), 0.5));

    [Fact]
    public void NextAttempt_RetryAfterHuge_Capped() =>
        Assert.Equal(Now + WebhookRetrySchedule.MaxRetryAfter, WebhookRetrySchedule.NextAttempt(1, Now, TimeSpan.FromDays(30), 0.5));

    [Fact]
    public void NextAttempt_AllAttemptsMade_Null() =>
        Assert.Null(WebhookRetrySchedule.NextAttempt(WebhookRetrySchedule.MaxAttempts, Now, null, 0.5));
}
