namespace Mage.Webhooks;

/// <summary>One attempt to deliver an event. Immutable.</summary>
/// <param name="At">When the request started.</param>
/// <param name="StatusCode">The receiver's HTTP status, or null when no response came (timeout, refused connection, blocked target).</param>
/// <param name="DurationMs">How long the attempt took, in milliseconds.</param>
/// <param name="Error">What went wrong, or null on success.</param>
/// <param name="NextAttemptAt">When the next attempt is due, or null when there is none.</param>
public sealed record WebhookAttempt(DateTimeOffset At, int? StatusCode, long DurationMs, string? Error, DateTimeOffset? NextAttemptAt);
