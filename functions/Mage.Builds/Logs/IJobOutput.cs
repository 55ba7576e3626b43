namespace Mage.Builds.Logs;

/// <summary>
/// A byte sink for the output of one job (its log), such as an append blob or a decorator
/// in front of one (masking, capping, batching).
/// </summary>
/// <remarks>
/// <para>Call order: any number of <see cref="WriteAsync"/> and <see cref="FlushAsync"/> calls,
/// then <see cref="CompleteAsync"/> once. Writing after completion is a caller bug.</para>
/// <para>Thread safety: implementations need not be thread-safe; a writer serializes its calls
/// (<see cref="Jobs.JobProcess"/> does for stdout and stderr). Decorators that write from
/// their own timer (<see cref="BufferedJobOutput"/>) synchronize internally.</para>
/// <para>Bytes are opaque (UTF-8 by convention): a write may end in the middle of a character.</para>
/// </remarks>
public interface IJobOutput
{
    /// <summary>
    /// Appends bytes. The caller may reuse <paramref name="data"/>'s memory once the returned task
    /// has completed, so a sink that keeps bytes (until a flush) copies them.
    /// </summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>
    /// Pushes what is safe to push to the underlying store. A decorator may still hold bytes it
    /// cannot decide yet (a possible secret prefix); only <see cref="CompleteAsync"/> forces those out.
    /// </summary>
    ValueTask FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>Ends the stream: emits everything still held, flushes, and completes the inner sink.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken = default);
}
