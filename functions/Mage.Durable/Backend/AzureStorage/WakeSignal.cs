namespace Mage.Durable.Backend.AzureStorage;

/// <summary>
/// Wakes one waiting poller per pulse (work for one): a fan-out of a thousand sends must not make every idle
/// receive loop poll the queues a thousand times. Pulses with nobody waiting are kept (capped), so none is lost
/// between a poller's check and its wait. Never disposed: timers may still pulse after the backend is. Thread-safe.
/// </summary>
internal sealed class WakeSignal
{
    private const int MaxPending = 1024;
    private readonly SemaphoreSlim _permits = new(0, int.MaxValue);

    public void Pulse()
    {
        if (_permits.CurrentCount < MaxPending)
        {
            _permits.Release();
        }
    }

    /// <summary>Waits for a pulse or <paramref name="delay"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await _permits.WaitAsync(delay, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
