namespace Mage.Storage;

/// <summary>Coarse kinds of <see cref="StorageException"/>.</summary>
public enum StorageErrorKind
{
    /// <summary>Any other failure (400, 403, 500...).</summary>
    Other,
    /// <summary>No response: connection refused, DNS, timeouts after all retries.</summary>
    Unreachable,
    /// <summary>404: container, blob, queue, message, table or entity does not exist.</summary>
    NotFound,
    /// <summary>409: already exists, lease conflicts, being deleted.</summary>
    Conflict,
    /// <summary>412: an If-Match/ETag or lease condition did not hold.</summary>
    PreconditionFailed,
    /// <summary>429/503 after retries: the account or partition is throttling.</summary>
    Throttled,
}
