using Azure.Core;

namespace Mage.Storage;

/// <summary>
/// The retry policy of every storage client: the SDK's exponential back-off on 408/429/5xx and
/// network errors, 5 retries from 0.8 s up to 30 s, each try bounded by the network timeout.
/// </summary>
public static class StorageRetry
{
    /// <summary>Sets the retry options on <paramref name="options"/> and returns it.</summary>
    public static T Apply<T>(T options, TimeSpan? networkTimeout)
        where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromSeconds(0.8);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        if (networkTimeout is { } timeout)
        {
            options.Retry.NetworkTimeout = timeout;
        }

        // Storage error codes are safe and useful in logs; Authorization stays redacted by Azure.Core.
        options.Diagnostics.LoggedHeaderNames.Add("x-ms-error-code");
        return options;
    }
}
