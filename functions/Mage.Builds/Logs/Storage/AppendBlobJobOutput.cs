using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Specialized;

namespace Mage.Builds.Logs;

/// <summary>
/// Writes job output to an append blob, one Append Block (at most 4 MiB) per write. Meant to sit
/// behind <see cref="BufferedJobOutput"/>, which turns many small writes into one per second.
/// </summary>
/// <remarks>
/// An append blob takes at most <see cref="MaxBlocks"/> blocks. One block is kept for a marker
/// line: when the log reaches the limit, the marker is appended and the rest of the output is
/// dropped, so a very long job's log ends with a clear line rather than a failed job or a broken
/// blob. A blob that is already full (the service answers <c>BlockCountExceedsLimit</c>) is left as it is.
/// Not thread-safe; the buffer in front serialises writes.
/// </remarks>
public sealed class AppendBlobJobOutput : IJobOutput
{
    /// <summary>Most blocks an append blob holds (an Azure Storage limit).</summary>
    public const int MaxBlocks = 50_000;

    /// <summary>Largest block one Append Block call may carry.</summary>
    public const int MaxBlockBytes = 4 * 1024 * 1024;

    private readonly AppendBlobClient _blob;
    private readonly int _maxBlocks;
    private int _committed;
    private bool _full;

    /// <summary>Writes to <paramref name="blob"/>, which must exist; <paramref name="maxBlocks"/> is lowered only by tests.</summary>
    public AppendBlobJobOutput(AppendBlobClient blob, int maxBlocks = MaxBlocks)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlocks, 2);
        _blob = blob;
        _maxBlocks = maxBlocks;
    }

    /// <summary>True once the blob reached its block limit and output is being dropped.</summary>
    public bool Full => _full;

    /// <summary>The marker line appended when the blob's block limit is reached.</summary>
    public static string MarkerFor(int maxBlocks) => string.Create(
        CultureInfo.InvariantCulture,
        $"\n[mage] log truncated: the log reached the storage limit of {maxBlocks} appends; the rest was dropped\n");

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        for (var offset = 0; offset < data.Length && !_full; offset += MaxBlockBytes)
        {
            if (_committed >= _maxBlocks - 1)
            {
                await AppendAsync(Encoding.UTF8.GetBytes(MarkerFor(_maxBlocks)), cancellationToken);
                _full = true;
                return;
            }

            await AppendAsync(data.Slice(offset, Math.Min(MaxBlockBytes, data.Length - offset)), cancellationToken);
        }
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask CompleteAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    private async Task AppendAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        using var content = MemoryMarshal.TryGetArray(block, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(block.ToArray(), writable: false);
        try
        {
            var response = await _blob.AppendBlockAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
            _committed = response.Value.BlobCommittedBlockCount;
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == "BlockCountExceedsLimit")
        {
            // Full already (a log continued after a restart): what is there stays readable.
            _full = true;
        }
    }
}
