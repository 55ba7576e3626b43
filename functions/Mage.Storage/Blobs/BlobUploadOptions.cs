namespace Mage.Storage.Blobs;

/// <summary>Options for block blob uploads.</summary>
public sealed record BlobUploadOptions
{
    /// <summary>Default block size for streamed uploads: 4 MiB (one buffer of this size is held per upload).</summary>
    public const int DefaultBlockSize = 4 * 1024 * 1024;

    /// <summary>Content-Type stored with the blob; default <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Metadata (names must be C# identifiers, values ASCII).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Conditions on the final write (Put Blob or Put Block List).</summary>
    public BlobConditions? Conditions { get; init; }

    /// <summary>
    /// Size of each staged block for stream uploads (64 KiB .. 100 MiB). Streams that fit in one block
    /// are written with a single Put Blob.
    /// </summary>
    public int BlockSize { get; init; } = DefaultBlockSize;
}
