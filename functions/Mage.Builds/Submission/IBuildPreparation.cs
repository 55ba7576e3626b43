using Mage.Catalog;

namespace Mage.Builds.Submission;

/// <summary>
/// What a build of a service needs beyond the request's own manifest, decided when the build is
/// submitted: whether the service may build at all, the configuration version the build generates
/// code from (Mage.Codegen's answer for a Mage service) and the manifest it runs when the request
/// brings none. <see cref="BuildSubmitter"/> calls it once per request, after the tag and the
/// request's own manifest were found valid and before anything is recorded, so a refusal leaves
/// nothing behind.
/// </summary>
/// <remarks>
/// One is registered; without code generation it is <see cref="ManifestOnlyBuildPreparation"/>.
/// Implementations are singletons, thread-safe, and may read storage or git.
/// </remarks>
public interface IBuildPreparation
{
    /// <summary>Prepares a build of <paramref name="service"/> for <paramref name="request"/>.</summary>
    Task<BuildPreparation> PrepareAsync(ServiceRecord service, BuildRequest request, CancellationToken cancellationToken);
}
