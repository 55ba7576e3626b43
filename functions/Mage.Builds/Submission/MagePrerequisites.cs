using Mage.Builds.Catalog;
using Mage.Builds.Configuration;

namespace Mage.Builds.Submission;

/// <summary>
/// What a Mage build needs before it is accepted, each missing piece named exactly (a 422). A
/// service "is a Mage service" when it has a saved configuration; a Mage build generates code
/// from a configuration version and pushes it to the service's repository.
/// </summary>
/// <param name="Missing">What is missing, or null when nothing is.</param>
/// <param name="Version">The configuration version the build uses (null: not a Mage build).</param>
/// <param name="Configuration">That version, compiled (null: not a Mage build).</param>
internal sealed record MagePrerequisites(string? Missing, long? Version, ServiceConfiguration? Configuration)
{
    /// <summary>
    /// The rules, in order: a named <c>configurationVersion</c> must exist; a request without a
    /// manifest needs a saved configuration; a Mage service needs a repository, and a GitLab
    /// repository a token; the version used must still validate.
    /// </summary>
    public static async Task<MagePrerequisites> CheckAsync(ServiceRecord service, BuildRequest request, ConfigurationLoader configurations, CancellationToken cancellationToken)
    {
        var name = service.Name;
        var latest = await configurations.Store.GetLatestVersionAsync(name, cancellationToken);
        if (request.ConfigurationVersion is { } asked && (asked < 1 || latest is null || asked > latest))
        {
            return Refuse(latest is null
                ? $"configuration version {asked} of service {name} does not exist: the service has no saved configuration; save one with PUT /api/services/{name}/configuration."
                : $"configuration version {asked} of service {name} does not exist; versions are 1 to {latest} (GET /api/services/{name}/configuration/versions).");
        }

        if (latest is null)
        {
            return string.IsNullOrWhiteSpace(request.Manifest)
                ? Refuse($"service {name} has no saved configuration; save one with PUT /api/services/{name}/configuration or send a manifest.")
                : new MagePrerequisites(null, null, null);
        }

        if (service.Repository is not { } repository)
        {
            return Refuse($"service {name} has no repository configured; a Mage build pushes its generated code there: set \"repository\" with PUT /api/services/{name}.");
        }

        if (repository.Provider == "gitlab" && !repository.TokenSet)
        {
            return Refuse($"the GitLab repository of service {name} has no token; set \"repository.token\" with PUT /api/services/{name} (a token with the api scope).");
        }

        var version = request.ConfigurationVersion ?? latest.Value;
        var loaded = await configurations.LoadAsync(name, version, cancellationToken);
        if (loaded is not { Validation.Configuration: { } configuration })
        {
            var first = loaded?.Validation.Errors.FirstOrDefault();
            return Refuse($"configuration version {version} of service {name} is no longer valid ({first?.ToString() ?? "it could not be read"}); save a corrected version with PUT /api/services/{name}/configuration.");
        }

        return new MagePrerequisites(null, version, configuration);
    }

    private static MagePrerequisites Refuse(string detail) => new(detail, null, null);
}
