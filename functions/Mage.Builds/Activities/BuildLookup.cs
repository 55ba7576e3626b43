using Mage.Builds.Records;

namespace Mage.Builds.Activities;

/// <summary>Resolves a build id into its record for activities; an unknown id is a bug, not user input.</summary>
public sealed class BuildLookup(BuildStore builds)
{
    /// <summary>The build, or an exception naming the id.</summary>
    public async Task<BuildRecord> GetAsync(string buildId, CancellationToken cancellationToken) =>
        await builds.GetAsync(buildId, cancellationToken) ?? throw new InvalidOperationException($"Build {buildId} does not exist.");
}
