using Mage.Catalog;

namespace Mage.Builds.Submission;

/// <summary>
/// Builds without code generation: the request's manifest, else the service's
/// <c>defaultManifest</c>. Registered when nothing else prepares builds.
/// </summary>
public sealed class ManifestOnlyBuildPreparation : IBuildPreparation
{
    /// <inheritdoc />
    public Task<BuildPreparation> PrepareAsync(ServiceRecord service, BuildRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrWhiteSpace(request.Manifest))
        {
            return Task.FromResult(new BuildPreparation(null, null, null));
        }

        return Task.FromResult(string.IsNullOrWhiteSpace(service.DefaultManifest)
            ? BuildPreparation.Refuse($"service {service.Name} has no default manifest; send \"manifest\" with the YAML, or set \"defaultManifest\" on the service (PUT /api/services/{service.Name}).")
            : new BuildPreparation(null, null, service.DefaultManifest));
    }
}
