namespace Mage.Builds.Records;

/// <summary>
/// Names of the tables and containers of the build domain, all under the task hub so that
/// several deployments (and parallel tests) share an account without meeting.
/// </summary>
/// <param name="TaskHub">The prefix (<see cref="MageOptions.TaskHub"/>).</param>
public sealed record BuildStorageNames(string TaskHub)
{
    /// <summary>Builds, numbering counters, tag locks and idempotency keys (PartitionKey = service).</summary>
    public string BuildsTable => TaskHub + "Builds";

    /// <summary>Jobs (PartitionKey = service).</summary>
    public string JobsTable => TaskHub + "Jobs";

    /// <summary>Job claims (the durable "started" marker of each job) and kill requests (PartitionKey = build id).</summary>
    public string JobClaimsTable => TaskHub + "JobClaims";

    /// <summary>Artifact index (PartitionKey = service).</summary>
    public string ArtifactsTable => TaskHub + "Artifacts";

    /// <summary>Append blobs <c>{service}/{number}/{job}.log</c>.</summary>
    public string LogsContainer => TaskHub.ToLowerInvariant() + "-logs";

    /// <summary>Block blobs <c>{service}/{number}/{job}/{name}</c>.</summary>
    public string ArtifactsContainer => TaskHub.ToLowerInvariant() + "-artifacts";

    /// <summary>Submitted manifests <c>{service}/{number}.yml</c>.</summary>
    public string ManifestsContainer => TaskHub.ToLowerInvariant() + "-manifests";

    /// <summary>Generated code of Mage builds <c>{service}/{number}/…</c>.</summary>
    public string GeneratedContainer => TaskHub.ToLowerInvariant() + "-generated";

    /// <summary>Log blob of a job.</summary>
    public static string LogBlob(string service, long number, string job) => $"{service}/{number}/{job}.log";

    /// <summary>Artifact blob.</summary>
    public static string ArtifactBlob(string service, long number, string job, string name) => $"{service}/{number}/{job}/{name}";

    /// <summary>Manifest blob.</summary>
    public static string ManifestBlob(string service, long number) => $"{service}/{number}.yml";
}
