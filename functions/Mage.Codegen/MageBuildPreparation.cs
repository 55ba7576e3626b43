using Mage.Builds.Submission;
using Mage.Catalog;
using Mage.Codegen.Configuration;

namespace Mage.Codegen;

/// <summary>
/// What a Mage build needs before it is accepted, each missing piece named exactly (a 422). A
/// service "is a Mage service" when it has a saved configuration; a Mage build generates code
/// from a configuration version and pushes it to the service's repository. A build of a service
/// without a saved configuration runs the request's manifest like any djinn build.
/// </summary>
/// <remarks>A singleton; thread-safe (it keeps no state of its own).</remarks>
public sealed class MageBuildPreparation(ConfigurationLoader configurations, IEnumerable<IPackDefaultManifestSource> packManifests) : IBuildPreparation
{
    /// <summary>
    /// The rules, in order: a named <c>configurationVersion</c> must exist; a request without a
    /// manifest needs a saved configuration; a Mage service needs a repository, and a GitLab
    /// repository a token; the version used must still validate; a request without a manifest runs
    /// the service's <c>defaultManifest</c>, else its pack's.
    /// </summary>
    public async Task<BuildPreparation> PrepareAsync(ServiceRecord service, BuildRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        var name = service.Name;
        var latest = await configurations.Store.GetLatestVersionAsync(name, cancellationToken);
        if (request.ConfigurationVersion is { } asked && (asked < 1 || latest is null || asked > latest))
        {
            return BuildPreparation.Refuse(latest is null
                ? $"configuration version {asked} of service {name} does not exist: the service has no saved configuration; save one with PUT /api/services/{name}/configuration."
                : $"configuration version {asked} of service {name} does not exist; versions are 1 to {latest} (GET /api/services/{name}/configuration/versions).");
        }

        if (latest is null)
        {
            return string.IsNullOrWhiteSpace(request.Manifest)
                ? BuildPreparation.Refuse($"service {name} has no saved configuration; save one with PUT /api/services/{name}/configuration or send a manifest.")
                : new BuildPreparation(null, null, null);
        }

        if (service.Repository is not { } repository)
        {
            return BuildPreparation.Refuse($"service {name} has no repository configured; a Mage build pushes its generated code there: set \"repository\" with PUT /api/services/{name}.");
        }

        if (repository.Provider == "gitlab" && !repository.TokenSet)
        {
            return BuildPreparation.Refuse($"the GitLab repository of service {name} has no token; set \"repository.token\" with PUT /api/services/{name} (a token with the api scope).");
        }

        var version = request.ConfigurationVersion ?? latest.Value;
        var loaded = await configurations.LoadAsync(name, version, cancellationToken);
        if (loaded is not { Validation.Configuration: { } configuration })
        {
            var first = loaded?.Validation.Errors.FirstOrDefault();
            return BuildPreparation.Refuse($"configuration version {version} of service {name} is no longer valid ({first?.ToString() ?? "it could not be read"}); save a corrected version with PUT /api/services/{name}/configuration.");
        }

        if (!string.IsNullOrWhiteSpace(request.Manifest))
        {
            return new BuildPreparation(null, version, null);
        }

        return await DefaultManifestAsync(service, configuration, cancellationToken) is { } manifest
            ? new BuildPreparation(null, version, manifest)
            : BuildPreparation.Refuse($"service {name} has no default manifest and its pack supplies none; send \"manifest\" with the YAML, or set \"defaultManifest\" on the service (PUT /api/services/{name}).");
    }

    /// <summary>The manifest a Mage build runs without one of its own: the service's, else its pack's (see docs/configuration.md).</summary>
    private async Task<string?> DefaultManifestAsync(ServiceRecord service, ServiceConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(service.DefaultManifest))
        {
            return service.DefaultManifest;
        }

        foreach (var source in packManifests)
        {
            if (await source.GetDefaultManifestAsync(service.Name, configuration, cancellationToken) is { } manifest && !string.IsNullOrWhiteSpace(manifest))
            {
                return manifest;
            }
        }

        return null;
    }
}
