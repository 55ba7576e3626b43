namespace Mage.Webhooks;

/// <summary>The states of a delivery, as the API shows them.</summary>
public static class WebhookDeliveryState
{
    /// <summary>Waiting for its next attempt.</summary>
    public const string Pending = "pending";

    /// <summary>The receiver answered 2xx.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Gave up: attempts exhausted, the receiver answered 410, or the subscription is gone or disabled.</summary>
    public const string Failed = "failed";
}
