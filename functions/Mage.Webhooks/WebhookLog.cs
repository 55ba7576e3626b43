using Microsoft.Extensions.Logging;

namespace Mage.Webhooks;

/// <summary>Log messages of webhooks (event ids 6000–6099, stable). Never logs a secret, a body or a full target url (urls often carry tokens).</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Webhook {WebhookId} created for service {Service} (host {Host})")]
    public static partial void SubscriptionCreated(ILogger logger, string service, string webhookId, string host);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Webhook {WebhookId} of service {Service} deleted")]
    public static partial void SubscriptionDeleted(ILogger logger, string service, string webhookId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Webhook {WebhookId} of service {Service} disabled: {Reason}")]
    public static partial void SubscriptionDisabled(ILogger logger, string service, string webhookId, string reason);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Debug, Message = "Event {EventId} of build {BuildId} recorded for webhook {WebhookId}")]
    public static partial void EventRecorded(ILogger logger, string eventId, string buildId, string webhookId);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} to webhook {WebhookId} succeeded with {StatusCode} on attempt {Attempt}")]
    public static partial void DeliverySucceeded(ILogger logger, string deliveryId, string webhookId, int statusCode, int attempt);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Information, Message = "Delivery {DeliveryId} to webhook {WebhookId} failed on attempt {Attempt} ({Error}); next attempt at {NextAttemptAt}")]
    public static partial void DeliveryRetrying(ILogger logger, string deliveryId, string webhookId, int attempt, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 6022, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} to webhook {WebhookId} given up after attempt {Attempt}: {Error}")]
    public static partial void DeliveryGivenUp(ILogger logger, string deliveryId, string webhookId, int attempt, string error);

    [LoggerMessage(EventId = 6030, Level = LogLevel.Error, Message = "The webhook dispatcher's pass failed; it tries again on its next poll")]
    public static partial void DispatchPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6031, Level = LogLevel.Error, Message = "Delivery {DeliveryId} to webhook {WebhookId} could not be processed; its claim expires and it is tried again")]
    public static partial void DeliveryFailedToProcess(ILogger logger, string deliveryId, string webhookId, Exception exception);

    [LoggerMessage(EventId = 6040, Level = LogLevel.Error, Message = "Could not record the webhook event of build {BuildId} ({Status}); subscribers of service {Service} miss it")]
    public static partial void EventNotRecorded(ILogger logger, string buildId, string status, string service, Exception exception);
}
