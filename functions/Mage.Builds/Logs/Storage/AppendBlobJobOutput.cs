using Mage.Storage.Blobs;

namespace Mage.Builds.Logs;

/// <summary>
/// Writes job output to an append blob, one Append Block per write. Meant to sit behind
/// <see cref="BufferedJobOutput"/>, which turns many small writes into one per second.
/// </summary>
/// <remarks>Not thread-safe; the buffer in front serialises writes.</remarks>
public sealed class AppendBlobJobOutput(BlobClient blob) : IJobOutput
{
    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        for (var offset = 0; offset < data.Length; offset += BlobClient.MaxAppendBlockBytes)
        {
            var length = Math.Min(BlobClient.MaxAppendBlockBytes, data.Length - offset);
            await blob.AppendBlockAsync(data.Slice(offset, length), cancellationToken: cancellationToken);
        }
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask CompleteAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
