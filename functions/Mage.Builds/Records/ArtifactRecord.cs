namespace Mage.Builds.Records;

/// <summary>One collected artifact, stored in <c>{hub}Artifacts</c> (PartitionKey = service).</summary>
/// <param name="Service">Owning service.</param>
/// <param name="BuildNumber">Build number.</param>
/// <param name="Job">Job that produced it.</param>
/// <param name="Source">Path in the workspace it was collected from.</param>
/// <param name="Name">Destination name (relative, forward slashes).</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the content.</param>
/// <param name="BlobName">Blob in the artifacts container.</param>
public sealed record ArtifactRecord(string Service, long BuildNumber, string Job, string Source, string Name, long Size, string Sha256, string BlobName);
