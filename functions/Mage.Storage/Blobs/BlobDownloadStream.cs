using Azure.Core;

namespace Mage.Storage.Blobs;

/// <summary>
/// A read-only, forward-only stream over a blob response body that is not buffered in memory;
/// disposing it releases the connection. Not thread-safe (like any stream).
/// </summary>
public sealed class BlobDownloadStream : Stream
{
    private readonly HttpMessage _message;
    private readonly Stream _body;
    private long _position;

    internal BlobDownloadStream(HttpMessage message, Stream body, BlobProperties properties)
    {
        _message = message;
        _body = body;
        Properties = properties;
    }

    /// <summary>Properties from the response headers (<see cref="BlobProperties.ContentLength"/> is the body length).</summary>
    public BlobProperties Properties { get; }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => Properties.ContentLength;

    /// <inheritdoc />
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Count(_body.Read(buffer, offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => Count(_body.Read(buffer));

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush() { }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _message.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _position += read;
        return read;
    }
}
