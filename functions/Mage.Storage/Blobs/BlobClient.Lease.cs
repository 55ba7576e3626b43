using System.Globalization;
using Azure.Core;

namespace Mage.Storage.Blobs;

/// <summary>Blob leases: a lock held by one writer (e.g. a runner owning a build's log).</summary>
public sealed partial class BlobClient
{
    /// <summary>
    /// Acquires a lease for 15..60 s, or infinite when <paramref name="duration"/> is null. Returns the lease id.
    /// Throws <see cref="StorageConflictException"/> when another lease is active. Re-acquiring with the same
    /// <paramref name="proposedLeaseId"/> is idempotent.
    /// </summary>
    public async Task<string> AcquireLeaseAsync(TimeSpan? duration, string? proposedLeaseId = null, CancellationToken cancellationToken = default)
    {
        int seconds = duration is { } d ? (int)d.TotalSeconds : -1;
        if (duration is not null && seconds is < 15 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "A lease lasts 15..60 seconds, or null for infinite.");
        }
        HttpMessage message = LeaseMessage("acquire");
        message.Request.Headers.SetValue("x-ms-lease-duration", seconds.ToString(CultureInfo.InvariantCulture));
        if (proposedLeaseId is not null)
        {
            message.Request.Headers.SetValue("x-ms-proposed-lease-id", proposedLeaseId);
        }
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(message, "Acquire lease", cancellationToken).ConfigureAwait(false);
        return r.Get("x-ms-lease-id") ?? throw new StorageException("Acquire lease returned no lease id.", r.Status, null);
    }

    /// <summary>Renews an active (or expired but not re-acquired) lease. Idempotent.</summary>
    public async Task RenewLeaseAsync(string leaseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseId);
        HttpMessage message = LeaseMessage("renew");
        message.Request.Headers.SetValue("x-ms-lease-id", leaseId);
        await _service.SendAndDisposeAsync(message, "Renew lease", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases a lease so others can acquire it at once. Idempotent.</summary>
    public async Task ReleaseLeaseAsync(string leaseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseId);
        HttpMessage message = LeaseMessage("release");
        message.Request.Headers.SetValue("x-ms-lease-id", leaseId);
        await _service.SendAndDisposeAsync(message, "Release lease", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Breaks the current lease without knowing its id (0 s = immediately). Returns the time until it can be re-acquired.
    /// </summary>
    public async Task<TimeSpan> BreakLeaseAsync(TimeSpan? breakPeriod = null, CancellationToken cancellationToken = default)
    {
        HttpMessage message = LeaseMessage("break");
        if (breakPeriod is { } period)
        {
            message.Request.Headers.SetValue("x-ms-lease-break-period", ((int)period.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }
        ResponseHeadersSnapshot r = await _service.SendAndDisposeAsync(message, "Break lease", cancellationToken).ConfigureAwait(false);
        return TimeSpan.FromSeconds(int.TryParse(r.Get("x-ms-lease-time"), CultureInfo.InvariantCulture, out int s) ? s : 0);
    }

    private HttpMessage LeaseMessage(string action)
    {
        HttpMessage message = _service.CreateMessage(RequestMethod.Put, _path, ("comp", "lease"));
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        return message;
    }
}
