using Mage.Builds.Activities;
using Mage.Builds.Orchestration;

namespace Mage.Builds.Durable;

/// <summary>
/// The orchestrators and activities of a build, each registered under its class name (the name
/// <see cref="BuildOrchestrator"/> calls it by). A host (the standalone app's <c>TaskHubWorker</c>,
/// or the Azure Functions host) registers exactly these; instances are resolved from DI, a fresh
/// one per execution.
/// </summary>
public static class BuildTasks
{
    /// <summary>Orchestrator types.</summary>
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(BuildOrchestrator)];

    /// <summary>Activity types.</summary>
    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(UpdateBuildStatusActivity),
        typeof(CreateDriverActivity),
        typeof(PlaceObjectsActivity),
        typeof(GenerateCodeActivity),
        typeof(RunJobActivity),
        typeof(KillJobsActivity),
        typeof(DestroyDriverActivity),
        typeof(CreateMergeRequestActivity),
    ];
}
