namespace Mage.Durable.Engine;

/// <summary>
/// Single-threaded context installed while the engine runs orchestrator code. Awaits inside the
/// orchestrator capture it, so continuations are queued here and run by <see cref="Drain"/> on the
/// engine's thread in a fixed order, never on the thread pool. That is what makes replay deterministic.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly Lock _gate = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            _queue.Enqueue((d, state));
        }
    }

    // Send from orchestrator code would run on this thread anyway; run inline to avoid deadlock.
    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued continuations (and any they queue) until none are left.</summary>
    public void Drain()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) item;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out item))
                {
                    return;
                }
            }

            item.Callback(item.State);
        }
    }
}
