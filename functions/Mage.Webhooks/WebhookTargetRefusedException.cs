namespace Mage.Webhooks;

/// <summary>A delivery was not sent because its target resolves to an address webhooks may not reach.</summary>
public sealed class WebhookTargetRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebhookTargetRefusedException() { }

    /// <summary>Creates the exception with the reason.</summary>
    public WebhookTargetRefusedException(string message) : base(message) { }

    /// <summary>Creates the exception with the reason and cause.</summary>
    public WebhookTargetRefusedException(string message, Exception innerException) : base(message, innerException) { }
}
