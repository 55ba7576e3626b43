using Azure;

namespace Mage.Storage.Blobs;

/// <summary>Optional access conditions for blob writes, reads and deletes.</summary>
public sealed record BlobConditions
{
    /// <summary>Only when the blob's ETag equals this value (412 otherwise).</summary>
    public ETag? IfMatch { get; init; }

    /// <summary>Only when the blob's ETag differs; <see cref="ETag.All"/> means "only if it does not exist".</summary>
    public ETag? IfNoneMatch { get; init; }

    /// <summary>The active lease id; required to write or delete a leased blob.</summary>
    public string? LeaseId { get; init; }

    /// <summary>Create-only: fail with <see cref="StorageConflictException"/> when the blob exists.</summary>
    public static BlobConditions IfNotExists { get; } = new() { IfNoneMatch = ETag.All };

    internal void Apply(Azure.Core.Request request)
    {
        if (IfMatch is { } match)
        {
            request.Headers.SetValue("If-Match", match.ToString("H"));
        }
        if (IfNoneMatch is { } noneMatch)
        {
            request.Headers.SetValue("If-None-Match", noneMatch.ToString("H"));
        }
        if (LeaseId is not null)
        {
            request.Headers.SetValue("x-ms-lease-id", LeaseId);
        }
    }
}
