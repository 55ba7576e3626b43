using Mage.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Mage.Functions.Worker.Timers;

/// <summary>
/// Webhook delivery, the work of the standalone app's <see cref="WebhookDispatcherService"/> loop,
/// on a timer trigger every 5 seconds: passes of <see cref="WebhookDispatcher.RunOnceAsync"/> until
/// one makes no attempt (a delivered event may unblock the build's next one) or the pass limit.
/// </summary>
public sealed partial class WebhookDispatchFunction(WebhookDispatcher dispatcher, ILogger<WebhookDispatchFunction> logger)
{
    /// <summary>Every 5 seconds (NCRONTAB with seconds).</summary>
    public const string Schedule = "*/5 * * * * *";

    /// <summary>Most passes in one invocation, so one run stays well inside the timer period.</summary>
    public const int MaxPasses = 20;

    /// <summary>Runs dispatch passes; returns the number of delivery attempts made.</summary>
    [Function("WebhookDispatch")]
    public async Task<int> RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var attempts = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var made = await dispatcher.RunOnceAsync(cancellationToken);
            attempts += made;
            if (made == 0)
            {
                break;
            }
        }

        if (attempts > 0)
        {
            Dispatched(logger, attempts);
        }

        return attempts;
    }

    [LoggerMessage(EventId = 7010, Level = LogLevel.Debug, Message = "Webhook dispatch made {Attempts} delivery attempts")]
    private static partial void Dispatched(ILogger logger, int attempts);
}
