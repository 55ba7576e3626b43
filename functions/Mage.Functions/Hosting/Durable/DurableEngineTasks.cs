using Mage.Builds.Durable;

namespace Mage.Functions.Hosting.Durable;

/// <summary>
/// The orchestrator and activity types the <see cref="DurableEngine"/> registers with its worker, each
/// under its class name and resolved from DI per execution. The app registers <see cref="Builds"/>; a
/// host that measures the engine itself (the benchmark) registers its own before <c>AddDurableEngine</c>.
/// </summary>
/// <param name="Orchestrators">Types implementing <c>ITaskOrchestrator</c>.</param>
/// <param name="Activities">Types implementing <c>ITaskActivity</c>.</param>
public sealed record DurableEngineTasks(IReadOnlyList<Type> Orchestrators, IReadOnlyList<Type> Activities)
{
    /// <summary>The build's orchestrator and activities (<see cref="BuildTasks"/>).</summary>
    public static DurableEngineTasks Builds { get; } = new(BuildTasks.Orchestrators, BuildTasks.Activities);
}
