using Mage.Builds.Records;
using Mage.Manifests;

namespace Mage.Builds.Orchestration;

/// <summary>
/// Input of <see cref="BuildOrchestrator"/>, fixed when the build is submitted and kept in the
/// orchestration history. Holds no secret: variable values are read by the activities at run time.
/// </summary>
public sealed record BuildOrchestrationInput
{
    /// <summary>Build id (also the instance id).</summary>
    public required string BuildId { get; init; }

    /// <summary>Owning service.</summary>
    public required string Service { get; init; }

    /// <summary>Build number.</summary>
    public required long Number { get; init; }

    /// <summary>Tag.</summary>
    public required string Tag { get; init; }

    /// <summary>
    /// The saved configuration version a Mage build generates code from (the latest at submit
    /// unless the request named one); null for a build of a service without a saved configuration.
    /// </summary>
    public long? ConfigurationVersion { get; init; }

    /// <summary>The compiled manifest.</summary>
    public required ExecutionPlan Plan { get; init; }

    /// <summary>Limit on driver creation.</summary>
    public required TimeSpan DriverCreateTimeout { get; init; }

    /// <summary>Whole-build limit (the deployment's, or the manifest's when smaller).</summary>
    public required TimeSpan BuildTimeout { get; init; }

    /// <summary>Most jobs of a stage running at once.</summary>
    public int MaxParallelJobs { get; init; } = 8;

    /// <summary>The input of a recorded build: the deployment's limits, the manifest's build timeout when smaller.</summary>
    public static BuildOrchestrationInput Create(BuildRecord build, ExecutionPlan plan, MageOptions settings)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        return new BuildOrchestrationInput
        {
            BuildId = build.Id,
            Service = build.Service,
            Number = build.Number,
            Tag = build.Tag,
            ConfigurationVersion = build.ConfigurationVersion,
            Plan = plan,
            DriverCreateTimeout = settings.DriverCreateTimeout,
            BuildTimeout = plan.BuildTimeout is { } t && t < settings.BuildTimeout ? t : settings.BuildTimeout,
            MaxParallelJobs = settings.MaxParallelJobs,
        };
    }
}
