using System.Security.Cryptography;

namespace Mage.Storage;

/// <summary>
/// A forward-only view of another stream that counts and hashes (SHA-256) every byte read through it,
/// so an upload learns the length and digest of what it sent without holding the content.
/// </summary>
/// <remarks>Not thread-safe; meant for one reader. Does not own the inner stream.</remarks>
public sealed class HashingReadStream(Stream inner) : ForwardOnlyReadStream
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>SHA-256 of the bytes read so far.</summary>
    public byte[] Sha256 => _sha.GetCurrentHash();

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Count(buffer[..n]);
        return n;
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(buffer.Span[..n]);
        return n;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Count(ReadOnlySpan<byte> read)
    {
        _sha.AppendData(read);
        BytesRead += read.Length;
    }
}
