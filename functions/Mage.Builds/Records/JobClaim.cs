using Azure;

namespace Mage.Builds.Records;

/// <summary>
/// The durable "started" marker of one job, in <c>{hub}JobClaims</c> (PartitionKey = build id,
/// RowKey = stage and job position). Written once, before the job's script starts, by the one
/// delivery of <c>RunJobActivity</c> that wins the insert; the winner refreshes
/// <see cref="HeartbeatAt"/> while the job runs. A later delivery that finds the claim waits for
/// the job's result while the heartbeat is fresh, and records the job failed once it is stale.
/// </summary>
public sealed record JobClaim
{
    /// <summary>The build.</summary>
    public required string BuildId { get; init; }

    /// <summary>Stage position in the plan.</summary>
    public required int StageIndex { get; init; }

    /// <summary>Job position in the stage.</summary>
    public required int JobIndex { get; init; }

    /// <summary>The worker that runs the job (<see cref="Jobs.WorkerIdentity.Id"/>).</summary>
    public required string WorkerId { get; init; }

    /// <summary>When the claim was written.</summary>
    public required DateTimeOffset ClaimedAt { get; init; }

    /// <summary>
    /// When the running worker last said it is alive, on its own clock: what that worker paces its
    /// heartbeats by. Other workers judge staleness by <see cref="Age"/> instead, as clocks differ.
    /// </summary>
    public required DateTimeOffset HeartbeatAt { get; init; }

    /// <summary>
    /// The claim attempt that wrote the row, fresh for each attempt (never reused, not even by the
    /// same worker): an attempt whose insert reached storage but whose answer was lost gets 409 on
    /// the SDK's retry, and knows the row for its own only by this.
    /// </summary>
    public string Nonce { get; init; } = string.Empty;

    /// <summary>Set by a delivery that found the heartbeat stale and recorded the job failed; a worker that was only slow stops its script when it sees this.</summary>
    public bool Abandoned { get; init; }

    /// <summary>The entity version this claim was read at; updates are conditional on it.</summary>
    public ETag ETag { get; init; }

    /// <summary>When storage last wrote the claim, on storage's clock (the entity's <c>Timestamp</c>); set on claims read back.</summary>
    public DateTimeOffset? StoredAt { get; init; }

    /// <summary>When storage answered the read of this copy, on storage's clock (the answer's <c>Date</c>, whole seconds); set on claims read back.</summary>
    public DateTimeOffset? ReadAt { get; init; }

    /// <summary>
    /// How long the claim had gone unwritten (no heartbeat) when it was read, both ends on storage's
    /// clock, so no worker's clock enters it; at most a second short (<see cref="ReadAt"/> is whole
    /// seconds). Null when this copy was not read back.
    /// </summary>
    public TimeSpan? Age => ReadAt - StoredAt;
}
