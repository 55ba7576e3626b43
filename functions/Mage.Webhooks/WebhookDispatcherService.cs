using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mage.Webhooks;

/// <summary>
/// Runs <see cref="WebhookDispatcher"/> in the background of every app instance: a pass, then a
/// wait for a local event (<see cref="WebhookDispatcher.Wake"/>) or the poll interval. A failed pass
/// (storage down) is logged and tried again on the next poll.
/// </summary>
public sealed class WebhookDispatcherService(WebhookDispatcher dispatcher, WebhookOptions options, ILogger<WebhookDispatcherService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A pass that made attempts may have unblocked a build's next event: look again at once.
                if (await dispatcher.RunOnceAsync(stoppingToken).ConfigureAwait(false) > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                WebhookLog.DispatchPassFailed(logger, ex);
            }

            try
            {
                await dispatcher.WaitForWorkAsync(options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
