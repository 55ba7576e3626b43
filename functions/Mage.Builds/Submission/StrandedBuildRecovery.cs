using Mage.Builds.Activities;
using Mage.Builds.Orchestration;
using Mage.Builds.Records;
using Mage.Manifests;
using Mage.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mage.Builds.Submission;

/// <summary>
/// Finds builds that were recorded but never scheduled (the app stopped between the two steps of
/// <see cref="BuildSubmitter"/>) and schedules them, so a crash during submit delays a build but
/// never leaves it <c>queued</c> for ever.
/// </summary>
/// <remarks>
/// Safe with several app instances: scheduling an instance id twice is refused by the runtime,
/// and the sweep only acts on builds older than <see cref="MageOptions.StrandedBuildGrace"/>.
/// </remarks>
public sealed partial class StrandedBuildRecovery(BuildStore builds, BuildTransitions transitions, JobStore jobs, ManifestArchive manifests, DurableTaskClient durable,
    StorageReadiness readiness, IOptions<MageOptions> options, TimeProvider time, ILogger<StrandedBuildRecovery> logger) : BackgroundService
{
    /// <summary>One sweep: returns how many builds it scheduled or failed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var recovered = 0;
        await foreach (var build in builds.ListQueuedAsync(time.GetUtcNow() - settings.StrandedBuildGrace, cancellationToken))
        {
            if (await durable.GetInstanceAsync(build.Id, cancellationToken) is not null)
            {
                continue;
            }

            await RecoverAsync(build, settings, cancellationToken);
            recovered++;
        }

        return recovered;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await readiness.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                SweepFailed(logger, ex.Message);
            }

            await Task.Delay(options.Value.StrandedBuildSweepInterval, time, stoppingToken);
        }
    }

    private async Task RecoverAsync(BuildRecord build, MageOptions settings, CancellationToken cancellationToken)
    {
        var yaml = await manifests.GetAsync(build.Service, build.Number, cancellationToken);
        var plan = yaml is null ? null : ManifestValidator.Validate(yaml, settings.ManifestLimits).Plan;
        if (plan is null)
        {
            // Without the manifest as submitted there is nothing faithful to run.
            await transitions.MoveAsync(build.Id, BuildStatus.Failed,
                "the app stopped while this build was being submitted, before its manifest was stored; submit it again", cancellationToken);
            StrandedBuildFailed(logger, build.Id);
            return;
        }

        await jobs.RegisterAsync(build.Service, build.Number, plan, cancellationToken);
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(BuildOrchestrator), BuildOrchestrationInput.Create(build, plan, settings),
                new StartOrchestrationOptions(InstanceId: build.Id), cancellationToken);
            StrandedBuildScheduled(logger, build.Id);
        }
        catch (InvalidOperationException)
        {
            // The engine refuses an instance id that exists: another instance's sweep, or a late submit, scheduled it first.
            // Anything else is a real failure.
            if (await durable.GetInstanceAsync(build.Id, cancellationToken) is null)
            {
                throw;
            }
        }
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Build {BuildId} was recorded but never scheduled; scheduled it now")]
    private static partial void StrandedBuildScheduled(ILogger logger, string buildId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Build {BuildId} was recorded without its manifest; marked failed")]
    private static partial void StrandedBuildFailed(ILogger logger, string buildId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "The stranded-build sweep failed; retrying at the next interval: {Error}")]
    private static partial void SweepFailed(ILogger logger, string error);
}
