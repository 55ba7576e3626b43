using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mage.Storage;

/// <summary>
/// Creates the tables and containers of every registered <see cref="IStorageSetup"/> (idempotent)
/// so no request pays for it. Runs in the background and retries: an app whose storage is down
/// must still start, so that <c>/api/health</c> can say so.
/// </summary>
internal sealed partial class StorageInitializer(IEnumerable<IStorageSetup> stores, StorageReadiness readiness, ILogger<StorageInitializer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.WhenAll(stores.Select(store => store.EnsureCreatedAsync(stoppingToken)));
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

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Storage is not ready; retrying in 5 s: {Error}")]
    private static partial void StorageNotReady(ILogger logger, string error);
}
