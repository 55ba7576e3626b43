namespace Mage.Storage.Blobs;

/// <summary>One page of a listing; pass <see cref="NextMarker"/> back to continue (null at the end).</summary>
public sealed record BlobPage(IReadOnlyList<BlobItem> Items, string? NextMarker);
