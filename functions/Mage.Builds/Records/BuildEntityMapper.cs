using System.Globalization;
using Azure.Data.Tables;

namespace Mage.Builds.Records;

/// <summary>Maps build and job records to table entities. Row keys are chosen so that a plain partition scan lists newest first.</summary>
public static class BuildEntityMapper
{
    /// <summary>Largest build number; row keys count down from it.</summary>
    public const long MaxNumber = 9_999_999_999;

    /// <summary>Row key of build <paramref name="number"/>: ten digits counting down, so newer sorts first.</summary>
    public static string BuildRowKey(long number) => (MaxNumber - number).ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>True for the row of a build itself (not a job, counter, tag lock or idempotency key).</summary>
    public static bool IsBuildRow(string rowKey) => rowKey.Length == 10 && rowKey.All(char.IsAsciiDigit);

    /// <summary>Row key prefix shared by every job of a build.</summary>
    public static string JobRowPrefix(long number) => BuildRowKey(number) + "-";

    /// <summary>Filter for every row of build <paramref name="number"/> in a table whose row keys start with <see cref="JobRowPrefix"/>.</summary>
    public static string BuildRowsFilter(long number)
    {
        var prefix = JobRowPrefix(number);
        return TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix + "~"}");
    }

    /// <summary>Row key of one job: build, stage and job position, so a prefix scan returns them in plan order.</summary>
    public static string JobRowKey(long number, int stage, int job) =>
        string.Create(CultureInfo.InvariantCulture, $"{JobRowPrefix(number)}{stage:D3}-{job:D4}");

    /// <summary>The entity of a build.</summary>
    public static TableEntity ToEntity(BuildRecord build)
    {
        var entity = new TableEntity(build.Service, BuildRowKey(build.Number))
        {
            ["Id"] = build.Id,
            ["Number"] = build.Number,
            ["Tag"] = build.Tag,
            ["Comment"] = build.Comment,
            ["Status"] = build.Status,
            ["PreviousStatus"] = build.PreviousStatus,
            ["CreatedAt"] = build.CreatedAt,
            ["StartedAt"] = build.StartedAt,
            ["FinishedAt"] = build.FinishedAt,
            ["ConfigurationVersion"] = build.ConfigurationVersion,
            ["Error"] = build.Error,
            ["MergeRequestUrl"] = build.MergeRequest?.Url,
            ["MergeRequestIid"] = build.MergeRequest?.Iid,
            ["MergeRequestBranch"] = build.MergeRequest?.Branch,
        };
        return entity;
    }

    /// <summary>The build of an entity.</summary>
    public static BuildRecord ToBuild(TableEntity entity) => new()
    {
        Id = entity.GetString("Id") ?? string.Empty,
        Service = entity.PartitionKey,
        Number = entity.GetInt64("Number") ?? 0,
        Tag = entity.GetString("Tag") ?? string.Empty,
        Comment = entity.GetString("Comment"),
        Status = entity.GetString("Status") ?? BuildStatus.Queued,
        PreviousStatus = entity.GetString("PreviousStatus"),
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        StartedAt = entity.GetDateTimeOffset("StartedAt"),
        FinishedAt = entity.GetDateTimeOffset("FinishedAt"),
        ConfigurationVersion = entity.GetInt64("ConfigurationVersion"),
        Error = entity.GetString("Error"),
        MergeRequest = entity.GetString("MergeRequestUrl") is { } url
            ? new MergeRequestRef(url, entity.GetInt64("MergeRequestIid"), entity.GetString("MergeRequestBranch") ?? string.Empty)
            : null,
    };

    /// <summary>The entity of a job.</summary>
    public static TableEntity ToEntity(JobRecord job) => new(job.Service, JobRowKey(job.BuildNumber, job.StageIndex, job.JobIndex))
    {
        ["BuildNumber"] = job.BuildNumber,
        ["StageIndex"] = job.StageIndex,
        ["Stage"] = job.Stage,
        ["CanFail"] = job.CanFail,
        ["JobIndex"] = job.JobIndex,
        ["Name"] = job.Name,
        ["Status"] = job.Status,
        ["StartedAt"] = job.StartedAt,
        ["FinishedAt"] = job.FinishedAt,
        ["ExitCode"] = job.ExitCode,
    };

    /// <summary>The job of an entity.</summary>
    public static JobRecord ToJob(TableEntity entity) => new()
    {
        Service = entity.PartitionKey,
        BuildNumber = entity.GetInt64("BuildNumber") ?? 0,
        StageIndex = entity.GetInt32("StageIndex") ?? 0,
        Stage = entity.GetString("Stage") ?? string.Empty,
        CanFail = entity.GetBoolean("CanFail") ?? false,
        JobIndex = entity.GetInt32("JobIndex") ?? 0,
        Name = entity.GetString("Name") ?? string.Empty,
        Status = entity.GetString("Status") ?? BuildStatus.Queued,
        StartedAt = entity.GetDateTimeOffset("StartedAt"),
        FinishedAt = entity.GetDateTimeOffset("FinishedAt"),
        ExitCode = entity.GetInt32("ExitCode"),
    };
}
