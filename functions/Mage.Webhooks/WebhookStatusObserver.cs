using Mage.Builds.Activities;
using Mage.Builds.Records;
using Mage.Catalog;
using Microsoft.Extensions.Logging;

namespace Mage.Webhooks;

/// <summary>
/// Turns every build status change into one <c>build.status_changed</c> event per matching, active
/// subscription, recorded durably in the outbox; never calls a receiver. Idempotent: the event id
/// and body derive from the stored build, so a repeated call records nothing new. Thread-safe singleton.
/// </summary>
/// <remarks>
/// A failure to record is logged and swallowed: the build's own status is already stored, and
/// failing the status activity would fail the build over a notification.
/// </remarks>
public sealed class WebhookStatusObserver(
    WebhookSubscriptionStore subscriptions,
    WebhookDeliveryStore deliveries,
    WebhookDispatcher dispatcher,
    IVariableStore variables,
    TimeProvider time,
    ILogger<WebhookStatusObserver> logger) : IBuildStatusObserver
{
    /// <inheritdoc />
    public async Task OnStatusChangedAsync(BuildRecord build, string previousStatus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        try
        {
            var targets = (await subscriptions.ListAsync(build.Service, cancellationToken).ConfigureAwait(false))
                .Where(s => s.Active && WebhookEventTypes.Matches(s.Events, WebhookEventTypes.BuildStatusChanged))
                .ToList();
            if (targets.Count == 0)
            {
                return;
            }

            var masked = (await variables.GetForBuildAsync(build.Service, cancellationToken).ConfigureAwait(false))
                .Where(v => v.Masked).Select(v => v.Value).ToList();
            var body = BuildStatusEvent.Body(build, previousStatus, masked);
            var eventId = BuildStatusEvent.IdOf(build.Id, build.Status);
            var sequence = BuildStatusEvent.SequenceOf(build.Status);
            var now = time.GetUtcNow();
            foreach (var subscription in targets)
            {
                await deliveries.EnqueueAsync(subscription, eventId, WebhookEventTypes.BuildStatusChanged, build.Id, sequence, body, now, cancellationToken).ConfigureAwait(false);
                WebhookLog.EventRecorded(logger, eventId, build.Id, subscription.Id);
            }

            dispatcher.Wake();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            WebhookLog.EventNotRecorded(logger, build.Id, build.Status, build.Service, ex);
        }
    }
}
