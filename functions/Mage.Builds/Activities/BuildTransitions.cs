using Mage.Builds.Records;

namespace Mage.Builds.Activities;

/// <summary>
/// The one way a build's status changes: the table first, then every <see cref="IBuildStatusObserver"/>.
/// Idempotent (a repeated change is a no-op) and thread-safe.
/// </summary>
public sealed class BuildTransitions(BuildStore builds, IEnumerable<IBuildStatusObserver> observers)
{
    /// <summary>Moves the build to <paramref name="status"/> when that is a forward move; returns the build and whether it changed.</summary>
    public async Task<(BuildRecord Build, bool Changed)> MoveAsync(string buildId, string status, string? error, CancellationToken cancellationToken)
    {
        var (build, previous) = await builds.TransitionAsync(buildId, status, error, cancellationToken);
        if (previous is null)
        {
            return (build, false);
        }

        foreach (var observer in observers)
        {
            await observer.OnStatusChangedAsync(build, previous, cancellationToken);
        }

        return (build, true);
    }
}
