namespace Mage.Catalog;

/// <summary>A service as read back; holds no secret.</summary>
/// <param name="Name">The service name (unique, see <see cref="CatalogNames.ServiceNameRule"/>).</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Repository">Repository, or null when none is configured.</param>
/// <param name="DefaultManifest">Default manifest, or null.</param>
/// <param name="CreatedAt">When the service was created (UTC).</param>
/// <param name="UpdatedAt">When it was last written (UTC).</param>
public sealed record ServiceRecord(string Name, string? DisplayName, RepositoryRecord? Repository, string? DefaultManifest, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
