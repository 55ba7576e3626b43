using Mage.Builds.Records;
using Mage.Builds.Submission;
using Mage.Functions.Worker.Durable;
using Mage.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Mage.Functions.Worker.Timers;

/// <summary>
/// The stranded-build sweep of the standalone app (<see cref="StrandedBuildRecovery"/>), run by a
/// timer trigger once a minute (the default <c>Mage__StrandedBuildSweepInterval</c>). The Functions
/// host runs a timer on one instance at a time, and the sweep is safe to repeat. It schedules
/// orchestrations, so it binds the host's Durable Functions client first.
/// </summary>
public sealed partial class StrandedBuildSweepFunction(StrandedBuildRecovery recovery, StorageReadiness readiness, HostDurableTaskClient durable, ILogger<StrandedBuildSweepFunction> logger)
{
    /// <summary>Every minute at second 0 (NCRONTAB with seconds).</summary>
    public const string Schedule = "0 * * * * *";

    /// <summary>One sweep; returns how many builds it scheduled or failed.</summary>
    [Function("StrandedBuildSweep")]
    public async Task<int> RunAsync([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        durable.Bind(client);
        if (!await readiness.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken))
        {
            StorageNotReady(logger);
            return 0;
        }

        var recovered = await recovery.SweepAsync(cancellationToken);
        if (recovered > 0)
        {
            Recovered(logger, recovered);
        }

        return recovered;
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Stranded-build sweep skipped: build storage is not ready yet; the next timer tries again")]
    private static partial void StorageNotReady(ILogger logger);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Stranded-build sweep handled {Count} builds")]
    private static partial void Recovered(ILogger logger, int count);
}
