using Mage.Builds.Activities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mage.Builds.Records;

/// <summary>
/// Creates the build domain's tables and containers (idempotent) so no request pays for it.
/// Runs in the background and retries: an app whose storage is down must still start, so that
/// <c>/api/health</c> can say so.
/// </summary>
internal sealed partial class BuildStorageInitializer(BuildStore builds, JobStore jobs, JobClaimStore claims, ArtifactStore artifacts, ManifestArchive manifests, Codegen.GeneratedCodeStore generated,
    JobLogs logs, ArtifactCollector collector, BuildStorageReadiness readiness, ILogger<BuildStorageInitializer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.WhenAll(
                    builds.EnsureCreatedAsync(stoppingToken),
                    jobs.EnsureCreatedAsync(stoppingToken),
                    claims.EnsureCreatedAsync(stoppingToken),
                    artifacts.EnsureCreatedAsync(stoppingToken),
                    manifests.EnsureCreatedAsync(stoppingToken),
                    generated.EnsureCreatedAsync(stoppingToken),
                    logs.EnsureCreatedAsync(stoppingToken),
                    collector.EnsureCreatedAsync(stoppingToken));
                readiness.MarkReady();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                StorageNotReady(logger, ex.Message);
                await Task.Delay(RetryInterval, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Build storage is not ready; retrying in 5 s: {Error}")]
    private static partial void StorageNotReady(ILogger logger, string error);
}
