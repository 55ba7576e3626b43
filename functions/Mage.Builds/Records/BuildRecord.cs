namespace Mage.Builds.Records;

/// <summary>One build as stored in <c>{hub}Builds</c> (PartitionKey = service). Immutable snapshot.</summary>
public sealed record BuildRecord
{
    /// <summary>Build id, see <see cref="BuildId"/>; also the orchestration instance id.</summary>
    public required string Id { get; init; }

    /// <summary>Owning service.</summary>
    public required string Service { get; init; }

    /// <summary>Number within the service: 1, 2, 3… without gaps.</summary>
    public required long Number { get; init; }

    /// <summary>The tag the user gave.</summary>
    public required string Tag { get; init; }

    /// <summary>Free text from the submitter.</summary>
    public string? Comment { get; init; }

    /// <summary>One of <see cref="BuildStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>The status before the last change (null while queued): lets a retried status change notify again.</summary>
    public string? PreviousStatus { get; init; }

    /// <summary>When the build was registered.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it started running.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it reached a final status.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The saved configuration version it used, if any.</summary>
    public long? ConfigurationVersion { get; init; }

    /// <summary>Why it failed, was killed or timed out.</summary>
    public string? Error { get; init; }

    /// <summary>The merge request it opened.</summary>
    public MergeRequestRef? MergeRequest { get; init; }
}
