namespace Mage.Durable.Backend.AzureStorage;

/// <summary>A pulse that wakes every current waiter (in-process wake-up of pollers). Thread-safe.</summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _current = New();

    public Task WaitHandle => Volatile.Read(ref _current).Task;

    public void Pulse() => Interlocked.Exchange(ref _current, New()).TrySetResult();

    /// <summary>Waits for <paramref name="signal"/> (taken before the check that found nothing) or <paramref name="delay"/>.</summary>
    public static async Task WaitAsync(Task signal, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task delayTask = Task.Delay(delay, cts.Token);
            await Task.WhenAny(signal, delayTask).ConfigureAwait(false);
            await cts.CancelAsync().ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
