using Azure;
using Microsoft.Extensions.Logging;

namespace Mage.Webhooks;

/// <summary>
/// Attempts the deliveries that are due: claims each outbox row (ETag-guarded, so of several app
/// instances exactly one sends an attempt), keeps a build's events in order per subscription, sends,
/// records the attempt and schedules the next one or finishes the delivery. Thread-safe singleton;
/// <see cref="RunOnceAsync"/> may run in several instances at once.
/// </summary>
/// <remarks>
/// Delivery state lives in Tables rather than in a durable orchestration per delivery: a delivery
/// is a single-step retry loop with hours between steps, an outbox row with a due time expresses it
/// in one table query per poll, survives restarts as it is, and lets a test clock
/// (<see cref="TimeProvider"/>) drive the schedule; an orchestration would add a history and a
/// control message per attempt for no extra guarantee.
/// A crash after an attempt and before its record repeats that attempt once the claim expires
/// (at-least-once); receivers de-duplicate with <c>webhook-id</c>.
/// </remarks>
public sealed class WebhookDispatcher(
    WebhookDeliveryStore deliveries,
    WebhookSubscriptionStore subscriptions,
    WebhookSender sender,
    WebhookOptions options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger)
{
    private const int MaxPerPass = 100;

    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks the loop to look for due deliveries now instead of at its next poll (a new event was recorded here).</summary>
    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>Waits for <see cref="Wake"/> or for <paramref name="delay"/>, whichever comes first.</summary>
    public Task WaitForWorkAsync(TimeSpan delay, CancellationToken cancellationToken) => _wake.WaitAsync(delay, cancellationToken);

    /// <summary>Attempts every delivery due now; returns how many attempts were made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await deliveries.DueAsync(time.GetUtcNow(), MaxPerPass, cancellationToken).ConfigureAwait(false);

        // One build's events for one subscription go one after another, in life order; groups run in parallel.
        using var slots = new SemaphoreSlim(options.MaxConcurrentDeliveries);
        var groups = due.GroupBy(i => i.GroupPrefix, StringComparer.Ordinal).Select(async group =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var attempts = 0;
                foreach (var item in group)
                {
                    attempts += await ProcessAsync(item, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                }

                return attempts;
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        return (await Task.WhenAll(groups).ConfigureAwait(false)).Sum();
    }

    private async Task<bool> ProcessAsync(WebhookOutboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            if (await deliveries.HasEarlierPendingAsync(item, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var now = time.GetUtcNow();
            if (await deliveries.TryClaimAsync(item, _instance, now + options.ClaimDuration, cancellationToken).ConfigureAwait(false) is not { } claim)
            {
                return false;
            }

            return await AttemptAsync(item, claim, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            WebhookLog.DeliveryFailedToProcess(logger, item.DeliveryId, item.WebhookId, ex);
            return false;
        }
    }

    private async Task<bool> AttemptAsync(WebhookOutboxItem item, ETag claim, CancellationToken cancellationToken)
    {
        if (await deliveries.GetForAttemptAsync(item, cancellationToken).ConfigureAwait(false) is not { } record
            || record.Delivery.State != WebhookDeliveryState.Pending)
        {
            await deliveries.CompleteAsync(item, claim, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var target = await subscriptions.GetForDeliveryAsync(item.Service, item.WebhookId, cancellationToken).ConfigureAwait(false);
        if (target is not { Subscription.Active: true } active)
        {
            var reason = target is null ? "The webhook was deleted." : $"The webhook is disabled: {target.Value.Subscription.DisabledReason}";
            await FinishAsync(item, claim, null, record.AttemptCount, reason, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var started = time.GetUtcNow();
        var result = await sender.SendAsync(active.Subscription.Url, active.Secret, item.DeliveryId, record.Body, cancellationToken).ConfigureAwait(false);
        var attemptNumber = record.AttemptCount + 1;
        if (result.Succeeded)
        {
            var attempt = new WebhookAttempt(started, result.StatusCode, (long)result.Duration.TotalMilliseconds, null, null);
            await deliveries.RecordAsync(item, attempt, attemptNumber, WebhookDeliveryState.Succeeded, null, cancellationToken).ConfigureAwait(false);
            await deliveries.CompleteAsync(item, claim, cancellationToken).ConfigureAwait(false);
            WebhookLog.DeliverySucceeded(logger, item.DeliveryId, item.WebhookId, result.StatusCode!.Value, attemptNumber);
            return true;
        }

        var error = result.Error ?? $"The receiver answered {result.StatusCode}.";
        if (result.Gone)
        {
            await subscriptions.DisableAsync(item.Service, item.WebhookId, "The receiver answered 410 Gone.", cancellationToken).ConfigureAwait(false);
            error += " The webhook is now disabled (410 Gone).";
        }

        var next = result.Gone ? null : WebhookRetrySchedule.NextAttempt(attemptNumber, time.GetUtcNow(), result.RetryAfter, Random.Shared.NextDouble());
        var failed = new WebhookAttempt(started, result.StatusCode, (long)result.Duration.TotalMilliseconds, error, next);
        if (next is { } at)
        {
            await deliveries.RecordAsync(item, failed, attemptNumber, WebhookDeliveryState.Pending, at, cancellationToken).ConfigureAwait(false);
            await deliveries.RescheduleAsync(item, claim, at, cancellationToken).ConfigureAwait(false);
            WebhookLog.DeliveryRetrying(logger, item.DeliveryId, item.WebhookId, attemptNumber, error, at);
        }
        else
        {
            await FinishAsync(item, claim, failed, attemptNumber, error, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task FinishAsync(WebhookOutboxItem item, ETag claim, WebhookAttempt? attempt, int attempts, string error, CancellationToken cancellationToken)
    {
        await deliveries.RecordAsync(item, attempt ?? new WebhookAttempt(time.GetUtcNow(), null, 0, error, null), attempts, WebhookDeliveryState.Failed, null, cancellationToken).ConfigureAwait(false);
        await deliveries.CompleteAsync(item, claim, cancellationToken).ConfigureAwait(false);
        WebhookLog.DeliveryGivenUp(logger, item.DeliveryId, item.WebhookId, attempts, error);
    }
}
