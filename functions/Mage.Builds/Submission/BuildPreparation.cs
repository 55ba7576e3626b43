namespace Mage.Builds.Submission;

/// <summary>The answer of <see cref="IBuildPreparation"/>.</summary>
/// <param name="Missing">What the service lacks before it can build (a 422 that says how to fix it), or null.</param>
/// <param name="ConfigurationVersion">The configuration version the build generates code from; null for a build without code generation.</param>
/// <param name="DefaultManifest">The manifest to run when the request has none; null when the request brings its own.</param>
public sealed record BuildPreparation(string? Missing, long? ConfigurationVersion, string? DefaultManifest)
{
    /// <summary>Refuses the build with <paramref name="detail"/>.</summary>
    public static BuildPreparation Refuse(string detail) => new(detail, null, null);
}
