using Azure.Core;

namespace Mage.Storage;

/// <summary>
/// Pipeline options shared by the blob, queue and table clients of one <see cref="StorageAccount"/>:
/// retries (exponential back-off on 408/429/5xx and network errors), the per-try
/// <see cref="RetryOptions.NetworkTimeout"/>, transport and logging, as in <see cref="ClientOptions"/>.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>Creates options with storage-friendly retry defaults (5 tries, 0.8 s base, 30 s cap).</summary>
    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromSeconds(0.8);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        // Storage error codes are safe and useful in logs; Authorization stays redacted by Azure.Core.
        Diagnostics.LoggedHeaderNames.Add("x-ms-error-code");
        Diagnostics.LoggedHeaderNames.Add("x-ms-version");
    }

    /// <summary>
    /// Use SharedKeyLite rather than SharedKey for table requests (both are accepted by Azure and
    /// Azurite; SharedKeyLite is what Azure.Data.Tables sends). Default false.
    /// </summary>
    public bool UseTableSharedKeyLite { get; set; }
}
