using Azure;

namespace Mage.Storage;

/// <summary>Tells the storage failures worth waiting out from those that will not go away by themselves.</summary>
public static class StorageFailures
{
    /// <summary>
    /// True when <paramref name="exception"/> says storage was unreachable, slow or overloaded for a
    /// moment (408, 429, 5xx, no answer at all, a network timeout), as opposed to refusing the call
    /// (4xx) or the caller being cancelled through <paramref name="cancellationToken"/>. The SDK has
    /// retried the call already; a caller that can wait longer may try again.
    /// </summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken = default) =>
        !cancellationToken.IsCancellationRequested && exception switch
        {
            RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,

            // The SDK ends a network timeout with a cancellation of its own, not the caller's.
            OperationCanceledException or TimeoutException or HttpRequestException or IOException => true,

            // What the SDK throws when every retry failed without an answer.
            AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(e => IsTransient(e, cancellationToken)),
            _ => false,
        };
}
