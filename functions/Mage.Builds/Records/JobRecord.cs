namespace Mage.Builds.Records;

/// <summary>One job of a build as stored in <c>{hub}Jobs</c> (PartitionKey = service).</summary>
public sealed record JobRecord
{
    /// <summary>Owning service.</summary>
    public required string Service { get; init; }

    /// <summary>Build number.</summary>
    public required long BuildNumber { get; init; }

    /// <summary>Position of the stage in the plan (0 = setup).</summary>
    public required int StageIndex { get; init; }

    /// <summary>Stage name.</summary>
    public required string Stage { get; init; }

    /// <summary>Whether the stage is listed in <c>allow_failures</c>.</summary>
    public required bool CanFail { get; init; }

    /// <summary>Position of the job in its stage.</summary>
    public required int JobIndex { get; init; }

    /// <summary>Job name, unique within the build.</summary>
    public required string Name { get; init; }

    /// <summary>One of <see cref="BuildStatus"/>, including <see cref="BuildStatus.Skipped"/>.</summary>
    public required string Status { get; init; }

    /// <summary>When the job started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The script's exit code, when it ran to an end.</summary>
    public int? ExitCode { get; init; }
}
