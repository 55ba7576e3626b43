namespace Mage.Storage;

/// <summary>
/// Completes once the tables and containers of every <see cref="IStorageSetup"/> exist. Routes that write await it,
/// so a request that arrives during start-up waits instead of failing. Thread-safe.
/// </summary>
public sealed class StorageReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits until storage is ready, at most <paramref name="timeout"/>; false when it is not.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _ready.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    internal void MarkReady() => _ready.TrySetResult();
}
