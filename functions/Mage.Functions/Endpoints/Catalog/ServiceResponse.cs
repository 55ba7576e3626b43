using Mage.Catalog;

namespace Mage.Functions.Endpoints.Catalog;

/// <summary>A service as the API shows it: never a secret.</summary>
/// <param name="Name">Service name.</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Repository">Repository, or null.</param>
/// <param name="DefaultManifest">Default manifest, or null.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last write (UTC).</param>
public sealed record ServiceResponse(string Name, string? DisplayName, RepositoryResponse? Repository, string? DefaultManifest, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>Maps a stored service.</summary>
    public static ServiceResponse From(ServiceRecord service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var repository = service.Repository is { } r ? new RepositoryResponse(r.Provider, r.Url, r.Project, r.TargetBranch, r.TokenSet) : null;
        return new ServiceResponse(service.Name, service.DisplayName, repository, service.DefaultManifest, service.CreatedAt, service.UpdatedAt);
    }
}
