using System.Buffers;

namespace Mage.Builds.Logs;

/// <summary>
/// An <see cref="IJobOutput"/> decorator that replaces secret values with <c>xxxxxx</c> before
/// they reach <c>inner</c> (djinn's masker), including values split across writes.
/// </summary>
/// <remarks>
/// <para>An explicit <see cref="FlushAsync"/> never emits a prefix of a secret that a later write
/// could complete: such bytes stay held (at most longest-secret − 1 of them) until more data
/// decides them or <see cref="CompleteAsync"/> ends the stream.</para>
/// <para>Not thread-safe: one writer, as <see cref="IJobOutput"/> allows. See <see cref="SecretMasker"/>
/// for the matching rules.</para>
/// </remarks>
public sealed class MaskingJobOutput : IJobOutput
{
    private readonly IJobOutput inner;
    private readonly SecretMasker masker;
    private readonly ArrayBufferWriter<byte> pending = new();

    /// <summary>Wraps <paramref name="inner"/>, masking every value of <paramref name="secrets"/>.</summary>
    public MaskingJobOutput(IJobOutput inner, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(inner);
        this.inner = inner;
        masker = new SecretMasker(secrets);
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (!masker.HasSecrets)
        {
            await inner.WriteAsync(data, cancellationToken);
            return;
        }

        masker.Write(data.Span, pending);
        await DrainAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) =>
        inner.FlushAsync(cancellationToken); // whatever is held may still become a secret

    /// <inheritdoc />
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        masker.Complete(pending);
        await DrainAsync(cancellationToken);
        await inner.CompleteAsync(cancellationToken);
    }

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        if (pending.WrittenCount == 0)
        {
            return;
        }

        // No copy: IJobOutput lets the caller reuse the memory once the write has completed.
        await inner.WriteAsync(pending.WrittenMemory, cancellationToken);
        pending.ResetWrittenCount();
    }
}
