using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Mage.Webhooks;

/// <summary>
/// Settings of webhook subscriptions and delivery (<c>Mage:Webhooks:*</c>, table prefix <c>Mage:TaskHub</c>).
/// Immutable after start-up.
/// </summary>
public sealed record WebhookOptions
{
    /// <summary>Prefix of the webhook tables (setting <c>Mage:TaskHub</c>, default <c>mage</c>).</summary>
    public string TaskHub { get; init; } = "mage";

    /// <summary>Allow targets on loopback, private, link-local and similar ranges (setting <c>Mage:Webhooks:AllowPrivateNetworks</c>).</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>Limit on one attempt, connection included (Standard Webhooks suggests 15–30 s; the issue asks for 10 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for due deliveries when nothing wakes it (setting <c>Mage:Webhooks:PollInterval</c>).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a claim on a delivery lasts; another instance may take the delivery over after it.
    /// Longer than <see cref="AttemptTimeout"/> plus the writes around an attempt, so a live claim never expires mid-attempt.
    /// </summary>
    public TimeSpan ClaimDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Deliveries attempted at once by one instance.</summary>
    public int MaxConcurrentDeliveries { get; init; } = 8;

    /// <summary>Table of subscriptions: <c>{hub}Webhooks</c> (PartitionKey = service).</summary>
    public string SubscriptionsTable => TaskHub + "Webhooks";

    /// <summary>Table of deliveries and their attempts: <c>{hub}WebhookDeliveries</c> (PartitionKey = service).</summary>
    public string DeliveriesTable => TaskHub + "WebhookDeliveries";

    /// <summary>Table of deliveries still to be attempted, with their claims: <c>{hub}WebhookOutbox</c>.</summary>
    public string OutboxTable => TaskHub + "WebhookOutbox";

    /// <summary>Reads the settings; a malformed value stops start-up with a message naming it.</summary>
    /// <exception cref="InvalidOperationException">A setting is malformed.</exception>
    public static WebhookOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new WebhookOptions
        {
            TaskHub = configuration["Mage:TaskHub"] is { Length: > 0 } hub ? hub.Trim() : "mage",
        };
        if (configuration["Mage:Webhooks:AllowPrivateNetworks"] is { Length: > 0 } allow)
        {
            options = bool.TryParse(allow, out var value)
                ? options with { AllowPrivateNetworks = value }
                : throw new InvalidOperationException($"Mage__Webhooks__AllowPrivateNetworks '{allow}' must be true or false.");
        }

        if (configuration["Mage:Webhooks:PollInterval"] is { Length: > 0 } poll)
        {
            options = TimeSpan.TryParse(poll, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
                ? options with { PollInterval = value }
                : throw new InvalidOperationException($"Mage__Webhooks__PollInterval '{poll}' must be a positive time span such as 00:00:02.");
        }

        return options;
    }
}
