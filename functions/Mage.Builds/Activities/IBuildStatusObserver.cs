using Mage.Builds.Records;

namespace Mage.Builds.Activities;

/// <summary>
/// Told about every build status change after the table holds it (webhooks hang here).
/// Called at least once per change from an activity: implementations must be idempotent
/// and quick (queue work, do not deliver inline).
/// </summary>
public interface IBuildStatusObserver
{
    /// <summary>The build moved from <paramref name="previousStatus"/> to <c>build.Status</c>.</summary>
    Task OnStatusChangedAsync(BuildRecord build, string previousStatus, CancellationToken cancellationToken);
}
