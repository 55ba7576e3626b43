namespace Mage.Webhooks;

/// <summary>What one HTTP attempt came to. Immutable.</summary>
/// <param name="StatusCode">The receiver's status, or null without a response.</param>
/// <param name="Duration">Time taken.</param>
/// <param name="Error">What went wrong, or null for a 2xx.</param>
/// <param name="RetryAfter">The receiver's <c>Retry-After</c> on 429 and 503, when it sent one.</param>
public sealed record WebhookAttemptResult(int? StatusCode, TimeSpan Duration, string? Error, TimeSpan? RetryAfter)
{
    /// <summary>Any 2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver asks never to be called again.</summary>
    public bool Gone => StatusCode == 410;
}
