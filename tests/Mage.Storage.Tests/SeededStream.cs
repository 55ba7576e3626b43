using Mage.Storage;

namespace Mage.Storage.Tests;

/// <summary>
/// A non-seekable stream of <c>length</c> pseudo-random bytes from a seed (xorshift), so large uploads
/// never need the data in memory. Two streams of the same seed and length hand out the same bytes: a test
/// hashes one itself to know the expected SHA-256 independently of the code under test.
/// </summary>
internal sealed class SeededStream(ulong seed, long length) : ForwardOnlyReadStream
{
    private ulong _state = seed | 1;

    public override int Read(Span<byte> buffer)
    {
        int n = (int)Math.Min(buffer.Length, length - BytesRead);
        for (int i = 0; i < n; i++)
        {
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            buffer[i] = (byte)_state;
        }
        BytesRead += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
}
