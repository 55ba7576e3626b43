using System.Globalization;
using System.Text;

namespace Mage.Builds.Logs;

/// <summary>
/// An <see cref="IJobOutput"/> decorator that passes at most <c>maxBytes</c> bytes to the inner
/// sink, then writes one marker line and drops the rest. The job itself keeps running: only its
/// log is cut, so a chatty job cannot fill the log store.
/// </summary>
/// <remarks>Not thread-safe: one writer, as <see cref="IJobOutput"/> allows.</remarks>
public sealed class CappedJobOutput : IJobOutput
{
    private readonly IJobOutput inner;
    private readonly long maxBytes;
    private long written;
    private bool truncated;
    private byte lastByte = (byte)'\n';

    /// <summary>Wraps <paramref name="inner"/>, keeping the first <paramref name="maxBytes"/> bytes.</summary>
    public CappedJobOutput(IJobOutput inner, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        this.inner = inner;
        this.maxBytes = maxBytes;
    }

    /// <summary>Whether output was dropped.</summary>
    public bool Truncated => truncated;

    /// <summary>Bytes passed through to the inner sink, not counting the marker line.</summary>
    public long BytesWritten => written;

    /// <summary>The marker line written once when the cap is reached.</summary>
    public static string MarkerFor(long maxBytes) => string.Create(
        CultureInfo.InvariantCulture,
        $"[mage] log truncated: the job printed more than {FormatSize(maxBytes)}; the rest was dropped");

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (truncated || data.IsEmpty)
        {
            return;
        }

        var room = maxBytes - written;
        if (data.Length <= room)
        {
            await PassAsync(data, cancellationToken);
            return;
        }

        if (room > 0)
        {
            await PassAsync(data[..(int)room], cancellationToken);
        }

        truncated = true;
        var marker = (lastByte == (byte)'\n' ? "" : "\n") + MarkerFor(maxBytes) + "\n";
        await inner.WriteAsync(Encoding.UTF8.GetBytes(marker), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask CompleteAsync(CancellationToken cancellationToken = default) => inner.CompleteAsync(cancellationToken);

    private ValueTask PassAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        written += data.Length;
        lastByte = data.Span[^1];
        return inner.WriteAsync(data, cancellationToken);
    }

    private static string FormatSize(long bytes)
    {
        const long MiB = 1024 * 1024;
        return bytes % MiB == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / MiB} MiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)MiB:0.##} MiB ({bytes} bytes)");
    }
}
