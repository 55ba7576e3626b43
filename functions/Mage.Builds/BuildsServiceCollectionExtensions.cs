using Mage.Builds.Activities;
using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Builds.Records;
using Mage.Builds.Submission;
using Mage.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mage.Builds;

/// <summary>Registers the build domain: records, drivers, jobs, submission and what the activities use.</summary>
public static class BuildsServiceCollectionExtensions
{
    /// <summary>
    /// SIGTERM to SIGKILL for a job that is killed or times out: with the one-second poll of a kill
    /// request, a killed job's process group is gone within five seconds of the request.
    /// </summary>
    public static readonly TimeSpan KillGracePeriod = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Adds everything a build needs, as singletons. <paramref name="appRoot"/> anchors a relative
    /// <c>Mage__WorkRoot</c>. Not added here, so each host chooses: the orchestrator and activity
    /// types (the host registers its task list), the <c>DurableTaskClient</c>, and the
    /// <see cref="StrandedBuildRecovery"/> loop (registered as a singleton; the standalone app runs
    /// it as a hosted service, the Functions worker from a timer). Builds run their own manifest or
    /// the service's <c>defaultManifest</c> (<see cref="ManifestOnlyBuildPreparation"/>) until
    /// another <see cref="IBuildPreparation"/> replaces it.
    /// </summary>
    public static IServiceCollection AddMageBuilds(this IServiceCollection services, IConfiguration configuration, string appRoot)
    {
        services.AddOptions<MageOptions>().Bind(configuration.GetSection(MageOptions.Section))
            .Validate(o => o.TaskHub.Length is >= 3 and <= 45 && o.TaskHub.All(char.IsAsciiLetterOrDigit) && char.IsAsciiLetter(o.TaskHub[0]),
                "Mage__TaskHub must be 3-45 letters and digits, starting with a letter (it prefixes table names).")
            .Validate(o => o.JobHeartbeatInterval > TimeSpan.Zero && o.JobHeartbeatTimeout >= 2 * o.JobHeartbeatInterval,
                "Mage__JobHeartbeatTimeout must be at least twice Mage__JobHeartbeatInterval (and the interval above zero), or a live worker's jobs would count as stopped.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MageOptions>>().Value);
        services.AddSingleton(sp => new BuildStorageNames(sp.GetRequiredService<MageOptions>().TaskHub));
        services.AddStorageSetup<BuildStore>();
        services.AddStorageSetup<JobStore>();
        services.AddStorageSetup<JobClaimStore>();
        services.AddStorageSetup<ArtifactStore>();
        services.AddStorageSetup<ManifestArchive>();
        services.AddSingleton<BuildTransitions>();
        services.AddStorageSetup<JobLogs>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<WorkerIdentity>();
        services.AddSingleton<JobClaimKeeper>();
        services.AddStorageSetup<ArtifactCollector>();
        services.AddSingleton<BuildSubmitter>();
        services.TryAddSingleton<IBuildPreparation, ManifestOnlyBuildPreparation>();

        services.AddSingleton(sp => new RunningJobRegistry(KillGracePeriod, sp.GetRequiredService<ILogger<RunningJobRegistry>>()));
        services.AddSingleton<JobProcess>();
        services.AddSingleton(sp => new DriverOptions { WorkRoot = Path.GetFullPath(sp.GetRequiredService<MageOptions>().WorkRoot, appRoot) });
        services.AddSingleton<IBuildDriver, LocalDriver>();
        services.AddSingleton<IBuildDriver, SandboxDriver>();
        services.TryAddSingleton(sp => new DriverRegistry(sp.GetServices<IBuildDriver>(), sp.GetRequiredService<MageOptions>().Drivers.EnabledSet));

        services.AddSingleton<StrandedBuildRecovery>();
        return services;
    }
}
