using Mage.Builds.Activities;
using Mage.Builds.CodeHosts;
using Mage.Builds.Codegen;
using Mage.Builds.Configuration;
using Mage.Builds.Durable;
using Mage.Builds.Drivers;
using Mage.Builds.Jobs;
using Mage.Builds.Records;
using Mage.Builds.Submission;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mage.Builds;

/// <summary>Registers the build domain: records, drivers, the orchestrator and its activities.</summary>
public static class BuildsServiceCollectionExtensions
{
    /// <summary>
    /// SIGTERM to SIGKILL for a job that is killed or times out: with the one-second poll of a kill
    /// request, a killed job's process group is gone within five seconds of the request.
    /// </summary>
    public static readonly TimeSpan KillGracePeriod = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Adds everything a build needs. <paramref name="appRoot"/> anchors a relative
    /// <c>Mage__WorkRoot</c>. The orchestrator and activities (<see cref="BuildTasks"/>) are
    /// registered as transient services; the host that runs them (and provides the
    /// <c>DurableTaskClient</c>) is added by the caller.
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
        services.AddSingleton<BuildStorageReadiness>();
        services.AddSingleton<BuildStore>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobClaimStore>();
        services.AddSingleton<ArtifactStore>();
        services.AddSingleton<ManifestArchive>();
        services.AddSingleton<Codegen.GeneratedCodeStore>();
        services.AddSingleton<BuildTransitions>();
        services.AddSingleton<JobLogs>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<WorkerIdentity>();
        services.AddSingleton<JobClaimKeeper>();
        services.AddSingleton<ArtifactCollector>();
        services.AddSingleton<BuildSubmitter>();
        services.AddMageConfigurations();
        services.AddMageCodegen();
        services.AddMergeRequests(configuration);

        services.AddSingleton(sp => new RunningJobRegistry(KillGracePeriod, sp.GetRequiredService<ILogger<RunningJobRegistry>>()));
        services.AddSingleton<JobProcess>();
        services.AddSingleton(sp => new DriverOptions { WorkRoot = Path.GetFullPath(sp.GetRequiredService<MageOptions>().WorkRoot, appRoot) });
        services.AddSingleton<IBuildDriver, LocalDriver>();
        services.AddSingleton<IBuildDriver, SandboxDriver>();
        services.TryAddSingleton(sp => new DriverRegistry(sp.GetServices<IBuildDriver>(), sp.GetRequiredService<MageOptions>().Drivers.EnabledSet));

        services.AddHostedService<BuildStorageInitializer>();
        services.AddSingleton<StrandedBuildRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<StrandedBuildRecovery>());
        foreach (var task in BuildTasks.Orchestrators.Concat(BuildTasks.Activities))
        {
            services.TryAddTransient(task);
        }

        return services;
    }
}
