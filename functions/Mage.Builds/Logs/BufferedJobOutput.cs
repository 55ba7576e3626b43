using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mage.Builds.Logs;

/// <summary>
/// An <see cref="IJobOutput"/> decorator that batches small writes for a sink that costs one
/// request per batch (an append blob): each batch is one <c>WriteAsync</c> followed by one
/// <c>FlushAsync</c> on the inner sink. A batch goes out when the buffer fills
/// (<see cref="DefaultCapacity"/>) or at the latest one interval (<see cref="DefaultInterval"/>)
/// after it started, so a live log never lags by more than about the interval.
/// </summary>
/// <remarks>
/// <para>Call order: writes and flushes, then <see cref="CompleteAsync"/> (flushes the tail and
/// completes the inner sink), then <see cref="DisposeAsync"/>. Disposing without completing stops
/// the timer and drops nothing already flushed, but the unflushed tail is lost.</para>
/// <para>Thread safety: calls are serialized internally against the timer; the inner sink only
/// ever sees one call at a time. A failure of a timer flush is kept and thrown by the next call,
/// so the writer learns about it.</para>
/// </remarks>
public sealed class BufferedJobOutput : IJobOutput, IAsyncDisposable
{
    /// <summary>Default batch size: 256 KiB.</summary>
    public const int DefaultCapacity = 256 * 1024;

    /// <summary>Default longest time a byte waits in the buffer: one second.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    private readonly IJobOutput inner;
    private readonly ILogger logger;
    private readonly byte[] buffer;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly PeriodicTimer timer;
    private readonly Task timerLoop;
    private int count;
    private int disposed;
    private Exception? backgroundFailure;

    /// <summary>Wraps <paramref name="inner"/>; the timer starts at once.</summary>
    public BufferedJobOutput(
        IJobOutput inner,
        TimeSpan? interval = null,
        int capacity = DefaultCapacity,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.inner = inner;
        this.logger = logger ?? NullLogger.Instance;
        buffer = new byte[capacity];
        timer = new PeriodicTimer(interval ?? DefaultInterval, timeProvider ?? TimeProvider.System);
        timerLoop = Task.Run(RunTimerAsync);
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfBackgroundFailed();
            while (!data.IsEmpty)
            {
                var take = Math.Min(buffer.Length - count, data.Length);
                data.Span[..take].CopyTo(buffer.AsSpan(count));
                count += take;
                data = data[take..];
                if (count == buffer.Length)
                {
                    await SendBatchAsync(cancellationToken);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfBackgroundFailed();
            await SendBatchAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        await StopTimerAsync();
        await gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfBackgroundFailed();
            await SendBatchAsync(cancellationToken);
            await inner.CompleteAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops the timer. Does not flush: call <see cref="CompleteAsync"/> first. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await StopTimerAsync();
        timer.Dispose();
        stop.Dispose();
        gate.Dispose();
    }

    private async Task StopTimerAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
        }

        await timerLoop;
    }

    // One batch = one inner write + one inner flush (one append request). Caller holds the gate.
    private async ValueTask SendBatchAsync(CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        await inner.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
        count = 0;
        await inner.FlushAsync(cancellationToken);
    }

    private void ThrowIfBackgroundFailed()
    {
        if (backgroundFailure is { } failure)
        {
            throw new IOException("An earlier background flush of the job output failed.", failure);
        }
    }

    private async Task RunTimerAsync()
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await gate.WaitAsync(stop.Token);
                try
                {
                    if (backgroundFailure is null)
                    {
                        // Not the stop token: a batch that has started goes out whole.
                        await SendBatchAsync(CancellationToken.None);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    backgroundFailure = ex;
                    LogsLog.BackgroundFlushFailed(logger, ex);
                }
                finally
                {
                    gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by CompleteAsync or DisposeAsync.
        }
    }
}
