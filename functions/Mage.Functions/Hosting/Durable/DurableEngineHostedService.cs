using Mage.Builds.Records;
using Mage.Storage;

namespace Mage.Functions.Hosting.Durable;

/// <summary>
/// Starts the <see cref="DurableEngine"/> once the app's storage answers, without holding up the
/// app's start (a storage outage at start-up delays builds, it does not stop the app), retrying
/// until it starts; stops it with the host.
/// </summary>
internal sealed partial class DurableEngineHostedService(DurableEngine engine, StorageReadiness readiness, ILogger<DurableEngineHostedService> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _starting = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = Task.Run(() => StartWhenReadyAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting;
        await engine.StopAsync();
    }

    private async Task StartWhenReadyAsync(CancellationToken stopping)
    {
        try
        {
            await readiness.WaitAsync(Timeout.InfiniteTimeSpan, stopping);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await engine.StartAsync();
                    return;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException && !stopping.IsCancellationRequested)
                {
                    StartFailed(logger, attempt, ex.GetType().Name, ex.Message);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, attempt)), stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped before storage answered.
        }
    }

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Durable engine start attempt {Attempt} failed, retrying: {ErrorType}: {Error}")]
    private static partial void StartFailed(ILogger logger, int attempt, string errorType, string error);
}
