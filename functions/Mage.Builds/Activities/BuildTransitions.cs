using Mage.Builds.Records;

namespace Mage.Builds.Activities;

/// <summary>
/// The one way a build's status changes: the table first, then every <see cref="IBuildStatusObserver"/>.
/// Idempotent and thread-safe. A repeated change does not change the table again but does tell the
/// observers again: the first attempt may have died between the two, and observers are idempotent.
/// </summary>
public sealed class BuildTransitions(BuildStore builds, IEnumerable<IBuildStatusObserver> observers)
{
    /// <summary>Moves the build to <paramref name="status"/> when that is a forward move; returns the build and whether it changed.</summary>
    public async Task<(BuildRecord Build, bool Changed)> MoveAsync(string buildId, string status, string? error, CancellationToken cancellationToken)
    {
        var (build, previous) = await builds.TransitionAsync(buildId, status, error, cancellationToken);
        var changed = previous is not null;
        if (!changed && build.Status == status && build.PreviousStatus is { } stored)
        {
            // A retry of this very change (at-least-once activities): its notification may be the part that was lost.
            previous = stored;
        }

        if (previous is not null)
        {
            foreach (var observer in observers)
            {
                await observer.OnStatusChangedAsync(build, previous, cancellationToken);
            }
        }

        return (build, changed);
    }
}
