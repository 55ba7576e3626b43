using Mage.Builds.Activities;
using Mage.Builds.Orchestration;
using Mage.Codegen;
using Mage.CodeHosts;

namespace Mage.Functions.Hosting.Durable;

/// <summary>
/// The orchestrators and activities of a build, from every domain project, each registered under
/// its class name (the name <see cref="BuildOrchestrator"/> calls it by; for the steps of other
/// projects, <see cref="MageActivityNames"/>). A host (the standalone app's <c>TaskHubWorker</c>,
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
